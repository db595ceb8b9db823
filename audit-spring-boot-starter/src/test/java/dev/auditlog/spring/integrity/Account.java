package dev.auditlog.spring.integrity;

import java.math.BigDecimal;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An audited entity with texts and numbers that databases store in their own way (a
 * decimal with trailing zeros, a double), with its state serialized into each entry.
 */
@Entity
@Auditable(serializeData = true)
public class Account {

	@Id
	@GeneratedValue
	private @Nullable Long id;

	private String name;

	private @Nullable BigDecimal balance;

	private double rate;

	protected Account() {
		this.name = "";
	}

	public Account(String name, @Nullable BigDecimal balance, double rate) {
		this.name = name;
		this.balance = balance;
		this.rate = rate;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable BigDecimal getBalance() {
		return this.balance;
	}

	public void setBalance(@Nullable BigDecimal balance) {
		this.balance = balance;
	}

	public double getRate() {
		return this.rate;
	}

	public void setRate(double rate) {
		this.rate = rate;
	}

	@Override
	public String toString() {
		return "Account " + this.name;
	}

}
