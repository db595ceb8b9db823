package dev.auditlog.benchmarks.variant.auditlog;

import java.util.HashSet;
import java.util.Set;

import dev.auditlog.annotation.Auditable;
import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.model.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * The entity, audited by auditlog, its tags included.
 */
@Entity(name = "Item")
@Table(name = "item")
@Auditable(m2mFields = "tags")
public class AuditlogItem extends Item {

	@ManyToMany
	@JoinTable(name = "item_tags", joinColumns = @JoinColumn(name = "item_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

	@Override
	public Set<Tag> getTags() {
		return this.tags;
	}

}
