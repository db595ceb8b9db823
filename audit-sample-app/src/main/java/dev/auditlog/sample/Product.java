package dev.auditlog.sample;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * A product: audited by annotation, with a masked supplier cost and its tags tracked. The
 * creator and modifier are stamped by Spring Data with the audit log's actor and are not
 * logged themselves.
 */
@Entity
@Auditable(m2mFields = "tags", excludeFields = { "createdBy", "lastModifiedBy" })
@EntityListeners(AuditingEntityListener.class)
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@AuditLabel("SKU")
	@Column(nullable = false, unique = true)
	private String sku;

	@Column(nullable = false)
	private String name;

	@Column(precision = 12, scale = 2)
	private BigDecimal unitPrice;

	@AuditMask
	@Column(precision = 12, scale = 2)
	private BigDecimal supplierCost;

	@Enumerated(EnumType.STRING)
	private ProductStatus status = ProductStatus.DRAFT;

	@Column(length = 4000)
	private String description;

	@ManyToOne(fetch = FetchType.LAZY)
	@JsonIgnore
	private Category category;

	@ManyToMany
	@JoinTable(name = "product_tag", joinColumns = @JoinColumn(name = "product_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	@JsonIgnore
	private Set<Tag> tags = new LinkedHashSet<>();

	@Version
	private Long version;

	@CreatedBy
	private String createdBy;

	@LastModifiedBy
	private String lastModifiedBy;

	protected Product() {
	}

	public Product(String sku, String name, BigDecimal unitPrice, Category category) {
		this.sku = sku;
		this.name = name;
		this.unitPrice = unitPrice;
		this.category = category;
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

	public BigDecimal getSupplierCost() {
		return this.supplierCost;
	}

	public void setSupplierCost(BigDecimal supplierCost) {
		this.supplierCost = supplierCost;
	}

	public ProductStatus getStatus() {
		return this.status;
	}

	public void setStatus(ProductStatus status) {
		this.status = status;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getCategoryName() {
		return (this.category != null) ? this.category.getName() : null;
	}

	Category getCategory() {
		return this.category;
	}

	void setCategory(Category category) {
		this.category = category;
	}

	public Set<String> getTagNames() {
		Set<String> names = new LinkedHashSet<>();
		this.tags.forEach((tag) -> names.add(tag.getName()));
		return names;
	}

	Set<Tag> getTags() {
		return this.tags;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public String getLastModifiedBy() {
		return this.lastModifiedBy;
	}

	@Override
	public String toString() {
		return this.sku + " " + this.name;
	}

}
