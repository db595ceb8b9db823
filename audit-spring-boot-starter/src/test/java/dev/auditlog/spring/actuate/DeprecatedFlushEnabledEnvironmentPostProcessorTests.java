package dev.auditlog.spring.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deprecated {@code auditlog.endpoint.flush-enabled} maps to the endpoint's access
 * only when no access is set.
 */
class DeprecatedFlushEnabledEnvironmentPostProcessorTests {

	private final DeprecatedFlushEnabledEnvironmentPostProcessor processor = new DeprecatedFlushEnabledEnvironmentPostProcessor(
			new DeferredLogs());

	@Test
	void flushEnabledMakesTheAccessUnrestricted() {
		MockEnvironment environment = new MockEnvironment().withProperty("auditlog.endpoint.flush-enabled", "true");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoint.auditlog.access")).isEqualTo("unrestricted");
	}

	@Test
	void anAccessSetExplicitlyWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("auditlog.endpoint.flush-enabled", "true")
			.withProperty("management.endpoint.auditlog.access", "read-only");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoint.auditlog.access")).isEqualTo("read-only");
	}

	@Test
	void withoutFlushEnabledNothingChanges() {
		MockEnvironment environment = new MockEnvironment().withProperty("auditlog.endpoint.flush-enabled", "false");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.containsProperty("management.endpoint.auditlog.access")).isFalse();
	}

}
