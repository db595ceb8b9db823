package dev.auditlog.spring.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * An audited entity with a value of each kind a revert must bring back exactly: text,
 * decimal, whole number, date, instant, enum, to-one reference, embeddable, a tracked
 * collection and a masked field.
 */
@Entity
@Auditable(m2mFields = "tags")
public class Gadget {

	@Id
	@GeneratedValue
	private @Nullable Long id;

	private @Nullable String name;

	@Column(precision = 12, scale = 2)
	private @Nullable BigDecimal price;

	private int quantity;

	private @Nullable LocalDate releaseDate;

	private @Nullable Instant lastSeen;

	@Enumerated(EnumType.STRING)
	private @Nullable GadgetStatus status;

	@ManyToOne(fetch = FetchType.LAZY)
	private @Nullable Maker maker;

	@Embedded
	private @Nullable Dimensions dimensions;

	@ElementCollection(fetch = FetchType.EAGER)
	private Set<String> tags = new TreeSet<>();

	@AuditMask
	private @Nullable String secret;

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(@Nullable BigDecimal price) {
		this.price = price;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public @Nullable LocalDate getReleaseDate() {
		return this.releaseDate;
	}

	public void setReleaseDate(@Nullable LocalDate releaseDate) {
		this.releaseDate = releaseDate;
	}

	public @Nullable Instant getLastSeen() {
		return this.lastSeen;
	}

	public void setLastSeen(@Nullable Instant lastSeen) {
		this.lastSeen = lastSeen;
	}

	public @Nullable GadgetStatus getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable GadgetStatus status) {
		this.status = status;
	}

	public @Nullable Maker getMaker() {
		return this.maker;
	}

	public void setMaker(@Nullable Maker maker) {
		this.maker = maker;
	}

	public @Nullable Dimensions getDimensions() {
		return this.dimensions;
	}

	public void setDimensions(@Nullable Dimensions dimensions) {
		this.dimensions = dimensions;
	}

	public Set<String> getTags() {
		return this.tags;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	@Override
	public String toString() {
		return "Gadget " + this.name;
	}

}
