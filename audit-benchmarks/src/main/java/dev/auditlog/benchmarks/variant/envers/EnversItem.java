package dev.auditlog.benchmarks.variant.envers;

import java.util.HashSet;
import java.util.Set;

import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.model.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;

/**
 * The entity, audited by Envers. The fields live in a mapped superclass, which Envers
 * audits only when told to with {@link AuditOverride}.
 */
@Entity(name = "Item")
@Table(name = "item")
@Audited
@AuditOverride(forClass = Item.class)
public class EnversItem extends Item {

	@ManyToMany
	@JoinTable(name = "item_tags", joinColumns = @JoinColumn(name = "item_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

	@Override
	public Set<Tag> getTags() {
		return this.tags;
	}

}
