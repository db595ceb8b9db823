package dev.auditlog.benchmarks.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the entity every variant writes: strings, a decimal, an integer, an enum,
 * a date and a to-one association, mapped once here, and a small many-to-many. Each
 * variant declares the entity as a subclass named {@code Item} on table {@code item},
 * carrying its auditing annotation and the same mapping of the tags, so that all variants
 * write the same rows.
 */
@MappedSuperclass
public abstract class Item {

	@Id
	@GeneratedValue
	private @Nullable Long id;

	@Column(nullable = false, length = 100)
	private String name = "";

	@Column(nullable = false, length = 40)
	private String sku = "";

	@Column(length = 500)
	private @Nullable String description;

	@Column(length = 200)
	private @Nullable String email;

	private int quantity;

	@Column(precision = 12, scale = 2)
	private @Nullable BigDecimal price;

	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	private @Nullable Status status;

	private @Nullable LocalDate dueDate;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "category_id")
	private @Nullable Category category;

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = sku;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public @Nullable BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(@Nullable BigDecimal price) {
		this.price = price;
	}

	public @Nullable Status getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable Status status) {
		this.status = status;
	}

	public @Nullable LocalDate getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(@Nullable LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public @Nullable Category getCategory() {
		return this.category;
	}

	public void setCategory(@Nullable Category category) {
		this.category = category;
	}

	/**
	 * Return the tags: a many-to-many association on table {@code item_tags}, mapped
	 * alike in each variant's entity class (Hibernate's own auditing only audits a
	 * collection declared in an audited class, not in its mapped superclass).
	 * @return the tags
	 */
	public abstract Set<Tag> getTags();

	@Override
	public String toString() {
		return "Item " + this.id;
	}

}
