package dev.auditlog.spring.actuate;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code auditlog} endpoint, named and evaluated as
 * Boot's own {@code env} and {@code configprops} endpoints do.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.endpoint.auditlog")
public class AuditlogEndpointProperties {

	/**
	 * When to show the values of entries (changes, representations, actors, addresses,
	 * serialized and additional data); otherwise they are shown as '******'.
	 */
	private Show showValues = Show.WHEN_AUTHORIZED;

	/**
	 * Roles used to determine whether a user is authorized to be shown values. When
	 * empty, all authenticated users are authorized.
	 */
	private final Set<String> roles = new LinkedHashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
