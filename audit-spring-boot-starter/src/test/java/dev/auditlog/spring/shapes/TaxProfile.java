package dev.auditlog.spring.shapes;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.auditlog.annotation.AuditJavaValue;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Attributes stored through converters: encrypted with a random IV, upper-cased, an
 * auto-applied converter, and one encrypted attribute opted in to log its Java value,
 * masked.
 */
@Entity
@Auditable(serializeData = true, m2mFields = "formerTaxIds")
public class TaxProfile {

	@Id
	private Long id;

	private String holder;

	@Convert(converter = AesGcmConverter.class)
	@Column(length = 255)
	private String taxId;

	@Convert(converter = UpperCaseConverter.class)
	@Column(length = 2)
	private String countryCode;

	private Sku sku;

	@AuditJavaValue
	@AuditMask
	@Convert(converter = AesGcmConverter.class)
	@Column(length = 255)
	private String pin;

	@ElementCollection
	@CollectionTable(name = "tax_profile_former")
	@Convert(converter = AesGcmConverter.class)
	@Column(name = "former_tax_id", length = 255)
	private Set<String> formerTaxIds = new LinkedHashSet<>();

	protected TaxProfile() {
	}

	public TaxProfile(Long id, String holder) {
		this.id = id;
		this.holder = holder;
	}

	public Long getId() {
		return this.id;
	}

	public void setHolder(String holder) {
		this.holder = holder;
	}

	public String getTaxId() {
		return this.taxId;
	}

	public void setTaxId(String taxId) {
		this.taxId = taxId;
	}

	public String getCountryCode() {
		return this.countryCode;
	}

	public void setCountryCode(String countryCode) {
		this.countryCode = countryCode;
	}

	public void setSku(Sku sku) {
		this.sku = sku;
	}

	public void setPin(String pin) {
		this.pin = pin;
	}

	public Set<String> getFormerTaxIds() {
		return this.formerTaxIds;
	}

}
