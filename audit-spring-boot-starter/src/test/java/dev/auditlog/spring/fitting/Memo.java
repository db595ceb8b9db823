package dev.auditlog.spring.fitting;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.AuditJavaValue;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An entity whose values come from the outside: a text key, a body kept through a
 * converter (so it may hold any character, NUL included, as encrypted or binary-ish text
 * does), a long plain text, and a {@code toString()} that shows the body as it is.
 */
@Entity
@Auditable(serializeData = true, m2mFields = "pages")
public class Memo {

	@Id
	@Column(length = 600)
	private String code;

	// its Java value is logged: what the converter does to it is not what is tested
	@AuditJavaValue
	@Convert(converter = Base64TextConverter.class)
	@Column(length = 1_000_000)
	private @Nullable String body;

	@Column(length = 20_000_000)
	private @Nullable String notes;

	@ElementCollection
	@CollectionTable(name = "memo_page")
	@Column(name = "page", length = 100_000)
	private List<String> pages = new ArrayList<>();

	protected Memo() {
		this.code = "";
	}

	public Memo(String code, @Nullable String body) {
		this.code = code;
		this.body = body;
	}

	public String getCode() {
		return this.code;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public List<String> getPages() {
		return this.pages;
	}

	@Override
	public String toString() {
		return String.valueOf(this.body);
	}

}
