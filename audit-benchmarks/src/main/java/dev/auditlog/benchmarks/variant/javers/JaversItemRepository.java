package dev.auditlog.benchmarks.variant.javers;

import dev.auditlog.benchmarks.model.ItemRepository;
import org.javers.spring.annotation.JaversSpringDataAuditable;

/**
 * The repository of the JaVers entity: JaVers commits what is saved or deleted through
 * it.
 */
@JaversSpringDataAuditable
public interface JaversItemRepository extends ItemRepository<JaversItem> {

}
