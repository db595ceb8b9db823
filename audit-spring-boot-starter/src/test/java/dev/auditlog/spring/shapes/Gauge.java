package dev.auditlog.spring.shapes;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;

/**
 * Values the database gives: a default Hibernate reads back ({@code @Generated}), and a
 * read-only copy of a column Hibernate never writes.
 */
@Entity
@Auditable(serializeData = true)
public class Gauge {

	@Id
	private Long id;

	private String name;

	@Generated
	@ColumnDefault("'NEW'")
	@Column(length = 10)
	private String state;

	@Column(name = "name", insertable = false, updatable = false)
	private String nameCopy;

	protected Gauge() {
	}

	public Gauge(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getState() {
		return this.state;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setNameCopy(String nameCopy) {
		this.nameCopy = nameCopy;
	}

}
