package dev.auditlog.benchmarks.model;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.Param;

/**
 * The Spring Data repository every variant writes through, declared per variant for its
 * own entity class (JaVers audits what passes through the repositories it is told to
 * watch).
 *
 * @param <T> the variant's entity class
 */
@NoRepositoryBean
public interface ItemRepository<T extends Item> extends JpaRepository<T, Long> {

	/**
	 * Load items with their tags in one query, to change the tags.
	 * @param ids the item ids
	 * @return the items
	 */
	@Query("select distinct i from #{#entityName} i left join fetch i.tags where i.id in :ids")
	List<T> findWithTags(@Param("ids") Collection<Long> ids);

}
