package dev.auditlog.benchmarks.variant.unaudited;

import dev.auditlog.benchmarks.model.ItemRepository;

/**
 * The repository of the unaudited entity.
 */
public interface UnauditedItemRepository extends ItemRepository<UnauditedItem> {

}
