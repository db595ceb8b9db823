package dev.auditlog.spring.shapes;

import jakarta.persistence.Entity;

@Entity
public class Vessel extends Asset {

	private String flag;

	protected Vessel() {
	}

	public Vessel(Long id, String label, String flag) {
		super(id, label);
		this.flag = flag;
	}

}
