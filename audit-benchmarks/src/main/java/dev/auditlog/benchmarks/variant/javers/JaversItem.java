package dev.auditlog.benchmarks.variant.javers;

import java.util.HashSet;
import java.util.Set;

import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.model.Tag;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * The entity, audited by JaVers when it passes through {@link JaversItemRepository}.
 */
@Entity(name = "Item")
@Table(name = "item")
public class JaversItem extends Item {

	@ManyToMany
	@JoinTable(name = "item_tags", joinColumns = @JoinColumn(name = "item_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

	@Override
	public Set<Tag> getTags() {
		return this.tags;
	}

}
