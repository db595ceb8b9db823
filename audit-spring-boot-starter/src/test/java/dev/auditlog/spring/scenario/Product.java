package dev.auditlog.spring.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

@Entity
@Auditable(m2mFields = { "tags", "labels" }, excludeFields = "updatedAt")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String sku;

	@AuditLabel("Product name")
	private String name;

	@Column(precision = 12, scale = 2)
	private BigDecimal unitPrice;

	@Enumerated(EnumType.STRING)
	private Status status = Status.DRAFT;

	@Lob
	@Column(length = 100_000)
	private String description;

	@AuditMask
	@Column(precision = 12, scale = 2)
	private BigDecimal supplierCost;

	@Convert(converter = UpperCaseConverter.class)
	private String code;

	@Embedded
	private Address address;

	private Instant updatedAt;

	@Version
	private Long version;

	@ManyToOne(fetch = FetchType.LAZY)
	private Category category;

	@ManyToMany
	@JoinTable(name = "product_tag", joinColumns = @JoinColumn(name = "product_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "product_label", joinColumns = @JoinColumn(name = "product_id"))
	@Column(name = "label")
	private Set<String> labels = new HashSet<>();

	protected Product() {
	}

	public Product(String sku, String name, BigDecimal unitPrice) {
		this.sku = sku;
		this.name = name;
		this.unitPrice = unitPrice;
	}

	public Long getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public void setUnitPrice(BigDecimal unitPrice) {
		this.unitPrice = unitPrice;
	}

	public Status getStatus() {
		return this.status;
	}

	public void setStatus(Status status) {
		this.status = status;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public BigDecimal getSupplierCost() {
		return this.supplierCost;
	}

	public void setSupplierCost(BigDecimal supplierCost) {
		this.supplierCost = supplierCost;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public Address getAddress() {
		return this.address;
	}

	public void setAddress(Address address) {
		this.address = address;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public Long getVersion() {
		return this.version;
	}

	public Category getCategory() {
		return this.category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public void setTags(Set<Tag> tags) {
		this.tags = tags;
	}

	public Set<String> getLabels() {
		return this.labels;
	}

	@Override
	public String toString() {
		return "Product " + this.sku;
	}

}
