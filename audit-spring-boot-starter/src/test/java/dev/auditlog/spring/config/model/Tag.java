package dev.auditlog.spring.config.model;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

/**
 * The inverse ({@code mappedBy}) side of the many-to-many association with
 * {@link Widget}.
 */
@Entity
public class Tag {

	@Id
	@GeneratedValue
	private Long id;

	private String label;

	@ManyToMany(mappedBy = "tags")
	private Set<Widget> widgets = new LinkedHashSet<>();

	protected Tag() {
	}

	public Tag(String label) {
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

	public Set<Widget> getWidgets() {
		return this.widgets;
	}

	@Override
	public String toString() {
		return "Tag " + this.label;
	}

}
