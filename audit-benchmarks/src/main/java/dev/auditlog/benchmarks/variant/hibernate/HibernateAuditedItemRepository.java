package dev.auditlog.benchmarks.variant.hibernate;

import dev.auditlog.benchmarks.model.ItemRepository;

/**
 * The repository of the Hibernate-audited entity.
 */
public interface HibernateAuditedItemRepository extends ItemRepository<HibernateAuditedItem> {

}
