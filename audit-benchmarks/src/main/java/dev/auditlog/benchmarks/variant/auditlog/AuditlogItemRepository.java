package dev.auditlog.benchmarks.variant.auditlog;

import dev.auditlog.benchmarks.model.ItemRepository;

/**
 * The repository of the auditlog entity.
 */
public interface AuditlogItemRepository extends ItemRepository<AuditlogItem> {

}
