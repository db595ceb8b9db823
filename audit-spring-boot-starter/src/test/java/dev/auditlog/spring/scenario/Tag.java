package dev.auditlog.spring.scenario;

import java.util.HashSet;
import java.util.Set;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
@Auditable
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToMany(mappedBy = "tags")
	private Set<Product> products = new HashSet<>();

	protected Tag() {
	}

	public Tag(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public Set<Product> getProducts() {
		return this.products;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
