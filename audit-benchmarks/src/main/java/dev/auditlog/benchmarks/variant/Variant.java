package dev.auditlog.benchmarks.variant;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.benchmarks.variant.auditlog.AuditlogApplication;
import dev.auditlog.benchmarks.variant.envers.EnversApplication;
import dev.auditlog.benchmarks.variant.hibernate.HibernateAuditedApplication;
import dev.auditlog.benchmarks.variant.javers.JaversApplication;
import dev.auditlog.benchmarks.variant.unaudited.UnauditedApplication;

/**
 * The variants a benchmark run compares, each an application of its own writing the same
 * entity to a schema of its own.
 */
public enum Variant {

	/** No auditing: the reference every ratio is taken against. */
	UNAUDITED("unaudited", "no auditing", UnauditedApplication.class),

	/** No auditing either: unaudited measured against itself shows the noise floor. */
	CONTROL("control", "no auditing, a second time: the noise floor", UnauditedApplication.class),

	/** This project's starter. */
	AUDITLOG("auditlog", "auditlog `@Auditable`", AuditlogApplication.class),

	/**
	 * This project's starter with tamper evidence: entries hashed when written, sealed by
	 * the seal job every second.
	 */
	AUDITLOG_INTEGRITY("auditlog-integrity", "auditlog `@Auditable` with `auditlog.integrity` (hashes + seals)",
			AuditlogApplication.class),

	/** Hibernate Envers with its default strategy. */
	ENVERS("envers", "Hibernate Envers `@Audited`, default strategy", EnversApplication.class),

	/** JaVers through a {@code @JaversSpringDataAuditable} repository. */
	JAVERS("javers", "JaVers `@JaversSpringDataAuditable` repository", JaversApplication.class),

	/** Hibernate ORM 7.4's own incubating auditing. */
	HIBERNATE_AUDITED("hibernate-audited", "Hibernate 7.4 `@org.hibernate.annotations.Audited`",
			HibernateAuditedApplication.class);

	private final String id;

	private final String description;

	private final Class<?> application;

	Variant(String id, String description, Class<?> application) {
		this.id = id;
		this.description = description;
		this.application = application;
	}

	/**
	 * Return the short name of this variant, as the report shows it.
	 * @return the name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return what this variant is.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the Spring Boot application class of this variant.
	 * @return the application's configuration class
	 */
	public Class<?> application() {
		return this.application;
	}

	/**
	 * Return the properties that switch the auditing of this variant on and every other
	 * auditing off (all of them share one class path).
	 * @return the properties
	 */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("auditlog.enabled", this == AUDITLOG || this == AUDITLOG_INTEGRITY);
		properties.put("auditlog.integrity.enabled", this == AUDITLOG_INTEGRITY);
		if (this == AUDITLOG_INTEGRITY) {
			// a benchmark key, not a secret
			properties.put("auditlog.integrity.hmac-key", "benchmark-key-not-a-secret-0123456789");
			properties.put("auditlog.integrity.seal-interval", "1s");
		}
		properties.put("spring.jpa.properties.hibernate.integration.envers.enabled", this == ENVERS);
		return properties;
	}

}
