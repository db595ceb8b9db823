package dev.auditlog.spring.tryout;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import dev.auditlog.spring.fitting.Base64TextConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

final class Entities {

	private Entities() {
	}

}

@Embeddable
class Secret {

	@AuditMask
	String pan;

	String label;

	Secret() {
	}

	Secret(String pan, String label) {
		this.pan = pan;
		this.label = label;
	}

}

@Embeddable
class CardEl {

	String holder;

	@Embedded
	Secret secret;

	CardEl() {
	}

	CardEl(String holder, Secret secret) {
		this.holder = holder;
		this.secret = secret;
	}

	@Override
	public String toString() {
		return "CardEl[" + this.holder + "]";
	}

}

@Embeddable
class Wallet {

	String owner;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "vault_cards")
	List<CardEl> cards = new ArrayList<>();

}

@Embeddable
class Token {

	private String code;

	Token() {
	}

	Token(String code) {
		this.code = code;
	}

	@AuditMask
	public String getCode() {
		return this.code;
	}

}

@Entity
class Owner {

	@Id
	Long id;

	String name;

	Owner() {
	}

	Owner(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	@Override
	public String toString() {
		return "Owner " + this.name;
	}

}

@Entity
@Auditable(m2mFields = { "wallet.cards", "secrets" }, serializeData = true)
class Vault {

	@Id
	@GeneratedValue
	Long id;

	String name;

	@Embedded
	Wallet wallet = new Wallet();

	@Embedded
	Token token;

	@AuditMask
	byte[] photo;

	@AuditMask
	@ManyToOne
	Owner owner;

	@AuditMask
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "vault_secrets")
	Map<String, String> secrets = new HashMap<>();

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> doc;

	@JdbcTypeCode(SqlTypes.JSON)
	List<Map<String, Object>> entries;

	@JdbcTypeCode(SqlTypes.JSON)
	Prefs prefs;

	@Override
	public String toString() {
		return "Vault " + this.name;
	}

}

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

@Embeddable
class LongKey implements Serializable {

	@Column(length = 300)
	String a;

	@Column(length = 300)
	String b;

	LongKey() {
	}

	LongKey(String a, String b) {
		this.a = a;
		this.b = b;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof LongKey k && Objects.equals(this.a, k.a) && Objects.equals(this.b, k.b);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.a, this.b);
	}

}

@Entity
@Auditable
class LongKeyed {

	@EmbeddedId
	LongKey id;

	String name;

	LongKeyed() {
	}

	LongKeyed(LongKey id, String name) {
		this.id = id;
		this.name = name;
	}

}

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

@Entity(name = "ModelWithAVeryLongEntityNameXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
@jakarta.persistence.Table(name = "long_named")
@Auditable
class LongNamed {

	@Id
	Long id;

	String name;

}

record Prefs(String pin, String theme) {
}
