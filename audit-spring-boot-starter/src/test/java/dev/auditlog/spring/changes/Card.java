package dev.auditlog.spring.changes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * A versioned entity with a field that is not audited, a bag, an ordered list and bytes.
 */
@Entity
@Auditable(m2mFields = { "barcodes", "steps", "attributes", "aliases", "contacts" })
public class Card {

	@Id
	private Long id;

	private String holder;

	@Version
	private Long version;

	@AuditIgnore
	private Instant lastLoginAt;

	private byte[] photo;

	@ElementCollection
	@CollectionTable(name = "card_barcode", joinColumns = @JoinColumn(name = "card_id"))
	@Column(name = "barcode")
	private List<String> barcodes = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "card_step", joinColumns = @JoinColumn(name = "card_id"))
	@OrderColumn(name = "position")
	@Column(name = "step")
	private List<String> steps = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "card_attribute", joinColumns = @JoinColumn(name = "card_id"))
	@MapKeyColumn(name = "name")
	@Column(name = "attribute_value")
	private Map<String, String> attributes = new HashMap<>();

	@ElementCollection
	@CollectionTable(name = "card_alias", joinColumns = @JoinColumn(name = "card_id"))
	@OrderColumn(name = "position")
	@Column(name = "alias")
	private String[] aliases = new String[0];

	@ElementCollection
	@CollectionTable(name = "card_contact", joinColumns = @JoinColumn(name = "card_id"))
	@MapKeyColumn(name = "kind")
	private Map<String, Contact> contacts = new HashMap<>();

	protected Card() {
	}

	public Card(Long id, String holder) {
		this.id = id;
		this.holder = holder;
	}

	public Long getId() {
		return this.id;
	}

	public void setHolder(String holder) {
		this.holder = holder;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setLastLoginAt(Instant lastLoginAt) {
		this.lastLoginAt = lastLoginAt;
	}

	public void setPhoto(byte[] photo) {
		this.photo = photo;
	}

	public List<String> getBarcodes() {
		return this.barcodes;
	}

	public List<String> getSteps() {
		return this.steps;
	}

	public Map<String, String> getAttributes() {
		return this.attributes;
	}

	public Map<String, Contact> getContacts() {
		return this.contacts;
	}

	public String[] getAliases() {
		return this.aliases;
	}

	public void setAliases(String[] aliases) {
		this.aliases = aliases;
	}

	@Override
	public String toString() {
		return "Card " + this.id;
	}

	/**
	 * A map value with a masked field.
	 */
	@Embeddable
	public record Contact(String name, @AuditMask String phone) {

	}

}
