package dev.auditlog.spring.config.model;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

/**
 * An entity named by its entity name in the tests' configuration; owns the many-to-many
 * association with {@link Tag}.
 */
@Entity
public class Widget {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	private String secret;

	private BigDecimal price;

	@Embedded
	private Address address;

	@ManyToMany
	private Set<Tag> tags = new LinkedHashSet<>();

	@ElementCollection
	private Set<String> labels = new LinkedHashSet<>();

	protected Widget() {
	}

	public Widget(String name, String secret, BigDecimal price) {
		this.name = name;
		this.secret = secret;
		this.price = price;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getSecret() {
		return this.secret;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public Address getAddress() {
		return this.address;
	}

	public void setAddress(Address address) {
		this.address = address;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public Set<String> getLabels() {
		return this.labels;
	}

	@Override
	public String toString() {
		return "Widget " + this.name;
	}

}
