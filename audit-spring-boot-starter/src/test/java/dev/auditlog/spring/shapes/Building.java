package dev.auditlog.spring.shapes;

import jakarta.persistence.Entity;

@Entity
public class Building extends Asset {

	private int floors;

	protected Building() {
	}

	public Building(Long id, String label, int floors) {
		super(id, label);
		this.floors = floors;
	}

}
