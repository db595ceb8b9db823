package dev.auditlog.spring.adoption;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Auditable(m2mFields = { "labels" })
class Measure {

	@Id
	@GeneratedValue
	Long id;

	@Version
	Long version;

	String code;

	@Column(precision = 10, scale = 3)
	BigDecimal amount;

	Instant at;

	LocalDateTime local;

	OffsetDateTime odt;

	Duration dur;

	Double ratio;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> doc;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "measure_labels")
	Set<String> labels = new HashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "measure_notes")
	List<String> notes = new ArrayList<>();

	Measure() {
	}

	Measure(String code) {
		this.code = code;
	}

	@Override
	public String toString() {
		return "Measure " + this.code;
	}

}
