package dev.auditlog.spring.masking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A payment with a card (an embeddable with a nested one), the cards used before (an
 * element collection of the same embeddable), a wallet (an embeddable stored as one JSON
 * column), a method (an embeddable hierarchy), a loyalty membership (an embeddable
 * holding an element collection), free-form metadata (a JSON map) and settings (a record
 * stored as JSON). Its state is stored with each entry.
 */
@Entity
@Auditable(m2mFields = { "formerCards", "loyalty.vouchers" }, serializeData = true)
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	@Embedded
	private CardDetails card;

	@ElementCollection
	@CollectionTable(name = "payment_former_card")
	private List<CardDetails> formerCards = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> metadata = new LinkedHashMap<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private Settings settings;

	@Embedded
	private PaymentMethod method;

	@Embedded
	private Loyalty loyalty;

	@Embedded
	@JdbcTypeCode(SqlTypes.JSON)
	private Wallet wallet;

	protected Payment() {
	}

	public Payment(String reference, CardDetails card) {
		this.reference = reference;
		this.card = card;
	}

	public Long getId() {
		return this.id;
	}

	public CardDetails getCard() {
		return this.card;
	}

	public void setCard(CardDetails card) {
		this.card = card;
	}

	public List<CardDetails> getFormerCards() {
		return this.formerCards;
	}

	public Map<String, Object> getMetadata() {
		return this.metadata;
	}

	public void setMetadata(Map<String, Object> metadata) {
		this.metadata = metadata;
	}

	public Loyalty getLoyalty() {
		return this.loyalty;
	}

	public void setLoyalty(Loyalty loyalty) {
		this.loyalty = loyalty;
	}

	public PaymentMethod getMethod() {
		return this.method;
	}

	public void setMethod(PaymentMethod method) {
		this.method = method;
	}

	public Wallet getWallet() {
		return this.wallet;
	}

	public void setWallet(Wallet wallet) {
		this.wallet = wallet;
	}

	public Settings getSettings() {
		return this.settings;
	}

	public void setSettings(Settings settings) {
		this.settings = settings;
	}

	@Override
	public String toString() {
		return "Payment " + this.reference;
	}

}
