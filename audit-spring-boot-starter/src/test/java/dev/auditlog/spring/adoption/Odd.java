package dev.auditlog.spring.adoption;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.AuditJavaValue;
import dev.auditlog.annotation.Auditable;
import dev.auditlog.spring.fitting.Base64TextConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;

@Entity
@Auditable(m2mFields = { "lines", "pages" })
class Odd {

	@Id
	@Column(length = 400)
	String id;

	@Column(length = 200000)
	String body;

	@Convert(converter = Base64TextConverter.class)
	@Column(length = 4000)
	String secretish;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "odd_lines")
	@AuditJavaValue
	@Convert(converter = Base64TextConverter.class)
	@Column(name = "line_text", length = 4000)
	List<String> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "odd_pages")
	@Column(name = "page_text", length = 70000)
	List<String> pages = new ArrayList<>();

	transient String repr;

	Odd() {
	}

	Odd(String id) {
		this.id = id;
	}

	@Override
	public String toString() {
		return (this.repr != null) ? this.repr : "Odd " + this.id;
	}

}
