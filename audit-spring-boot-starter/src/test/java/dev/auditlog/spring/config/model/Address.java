package dev.auditlog.spring.config.model;

import jakarta.persistence.Embeddable;

/**
 * An embedded value of {@link Widget}, whose fields are named {@code address.city} and
 * {@code address.street}.
 */
@Embeddable
public class Address {

	private String city;

	private String street;

	protected Address() {
	}

	public Address(String city, String street) {
		this.city = city;
		this.street = street;
	}

	public String getCity() {
		return this.city;
	}

	public String getStreet() {
		return this.street;
	}

}
