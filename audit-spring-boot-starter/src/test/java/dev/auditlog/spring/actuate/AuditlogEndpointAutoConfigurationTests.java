package dev.auditlog.spring.actuate;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.actuate.AuditlogEndpointTests.RecordingAuditLog;
import dev.auditlog.spring.actuate.AuditlogEndpointTests.RecordingRepository;
import dev.auditlog.spring.query.LogEntryRepository;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditlogEndpointAutoConfiguration}.
 */
class AuditlogEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogEndpointAutoConfiguration.class))
		.withUserConfiguration(AuditLogConfiguration.class);

	@Test
	void hasNoEndpointUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AuditlogEndpoint.class));
	}

	@Test
	void hasTheReadOnlyEndpointWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.run((context) -> assertThat(context).hasSingleBean(AuditlogEndpoint.class));
	}

	@Test
	void hasTheWebExtensionWhenExposedOverHttp() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.run((context) -> assertThat(context).hasSingleBean(AuditlogEndpointWebExtension.class));
	}

	@Test
	void hasNoWebExtensionWhenExposedOnlyOverJmx() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=auditlog")
			.run((context) -> assertThat(context).hasSingleBean(AuditlogEndpoint.class)
				.doesNotHaveBean(AuditlogEndpointWebExtension.class));
	}

	@Test
	void backsOffWhenTheApplicationDeclaresItsOwnWebExtension() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.withBean("ownWebExtension", AuditlogEndpointWebExtension.class,
					() -> new AuditlogEndpointWebExtension(
							new AuditlogEndpoint(new RecordingAuditLog(), new RecordingRepository())))
			.run((context) -> assertThat(context).hasSingleBean(AuditlogEndpointWebExtension.class)
				.hasBean("ownWebExtension"));
	}

	@Test
	void hasNoEndpointWhenItsAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog",
					"management.endpoint.auditlog.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditlogEndpoint.class));
	}

	@Test
	void hasNoEndpointWhenTheAuditLogIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog", "auditlog.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditlogEndpoint.class));
	}

	@Test
	void hasNoEndpointWithoutAnAuditLog() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AuditlogEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditlogEndpoint.class));
	}

	@Test
	void hasNoEndpointWithoutTheActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditlogEndpoint.class));
	}

	@Test
	void backsOffWhenTheApplicationDeclaresItsOwnEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.withUserConfiguration(OwnEndpointConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(AuditlogEndpoint.class)
					.getBean(AuditlogEndpoint.class)
					.isSameAs(context.getBean(OwnEndpointConfiguration.class).endpoint);
				assertThat(context).hasSingleBean(AuditlogEndpointWebExtension.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditLogConfiguration {

		@Bean
		AuditLog auditLog() {
			return new RecordingAuditLog();
		}

		@Bean
		LogEntryRepository logEntryRepository() {
			return new RecordingRepository();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpointConfiguration {

		final AuditlogEndpoint endpoint = new AuditlogEndpoint(new RecordingAuditLog(), new RecordingRepository());

		@Bean
		AuditlogEndpoint ownAuditlogEndpoint() {
			return this.endpoint;
		}

	}

}
