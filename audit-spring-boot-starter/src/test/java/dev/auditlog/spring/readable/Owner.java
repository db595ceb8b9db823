package dev.auditlog.spring.readable;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

/**
 * An owner whose pets belong to it only through its one-to-many collection, as in many
 * applications; the collection is tracked so that the owner's entries show its pets.
 */
@Entity
@Auditable(m2mFields = "pets")
public class Owner {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "owner_id")
	private List<Pet> pets = new ArrayList<>();

	protected Owner() {
	}

	public Owner(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public List<Pet> getPets() {
		return this.pets;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
