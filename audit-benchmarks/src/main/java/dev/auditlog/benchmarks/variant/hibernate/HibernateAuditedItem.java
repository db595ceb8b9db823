package dev.auditlog.benchmarks.variant.hibernate;

import java.util.HashSet;
import java.util.Set;

import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.model.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Audited;

/**
 * The entity, audited by Hibernate ORM's own {@link Audited @Audited} (incubating since
 * 7.4).
 */
@Entity(name = "Item")
@Table(name = "item")
@Audited
public class HibernateAuditedItem extends Item {

	@ManyToMany
	@JoinTable(name = "item_tags", joinColumns = @JoinColumn(name = "item_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

	@Override
	public Set<Tag> getTags() {
		return this.tags;
	}

}
