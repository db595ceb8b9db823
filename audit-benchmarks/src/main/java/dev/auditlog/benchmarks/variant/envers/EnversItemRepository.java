package dev.auditlog.benchmarks.variant.envers;

import dev.auditlog.benchmarks.model.ItemRepository;

/**
 * The repository of the Envers entity.
 */
public interface EnversItemRepository extends ItemRepository<EnversItem> {

}
