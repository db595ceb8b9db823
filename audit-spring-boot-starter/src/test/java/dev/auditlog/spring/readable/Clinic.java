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
 * A clinic whose visits belong to it only through its one-to-many collection, which is
 * not tracked: the defaults.
 */
@Entity
@Auditable
public class Clinic {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "clinic_id")
	private List<Visit> visits = new ArrayList<>();

	protected Clinic() {
	}

	public Clinic(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public List<Visit> getVisits() {
		return this.visits;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
