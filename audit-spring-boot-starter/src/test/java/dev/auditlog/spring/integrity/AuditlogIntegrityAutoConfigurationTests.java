package dev.auditlog.spring.integrity;

import javax.sql.DataSource;

import dev.auditlog.spring.InvalidAuditConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditlogIntegrityAutoConfiguration}.
 */
class AuditlogIntegrityAutoConfigurationTests {

	private static final String KEY = "a-test-key-that-is-long-enough-0123456789";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogIntegrityAutoConfiguration.class))
		.withUserConfiguration(DataSourceConfiguration.class);

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(IntegrityVerifier.class)
			.doesNotHaveBean(LogEntrySealer.class)
			.doesNotHaveBean(SealKeys.class));
	}

	@Test
	void sealsAndVerifiesWhenEnabledWithAKey() {
		this.contextRunner.withPropertyValues("auditlog.integrity.enabled=true", "auditlog.integrity.hmac-key=" + KEY,
				"auditlog.integrity.key-id=2025-01", "auditlog.integrity.previous-hmac-keys.2024-01=" + KEY + "-old")
			.run((context) -> {
				assertThat(context).hasSingleBean(IntegrityVerifier.class)
					.hasSingleBean(LogEntrySealer.class)
					.hasSingleBean(RetentionCheckpoint.class);
				SealKeys keys = context.getBean(SealKeys.class);
				assertThat(keys.currentKeyId()).isEqualTo("2025-01");
				assertThat(keys.toString()).doesNotContain(KEY);
				assertThat(context.getBean(LogEntrySealer.class).isRunning()).isTrue();
			});
	}

	@Test
	void signsWithEd25519WhenAKeyPairIsConfigured() {
		Ed25519Pems pems = Ed25519Pems.generate();
		this.contextRunner
			.withPropertyValues("auditlog.integrity.enabled=true", "auditlog.integrity.key-id=2025-07",
					"auditlog.integrity.ed25519.private-key=" + pems.privateKey(),
					"auditlog.integrity.ed25519.public-key=" + pems.publicKey(),
					"auditlog.integrity.previous-hmac-keys.2025-01=" + KEY)
			.run((context) -> {
				SealKeys keys = context.getBean(SealKeys.class);
				assertThat(keys.currentKeyId()).isEqualTo("ed25519:2025-07");
				assertThat(keys.sign("form")).hasSize(128);
				assertThat(
						keys.verify("2025-01", "form", SealKeys.hmac("2025-01", KEY, java.util.Map.of()).sign("form")))
					.isTrue();
			});
	}

	@Test
	void failsAtStartupWithAHalfKeyPair() {
		Ed25519Pems pems = Ed25519Pems.generate();
		this.contextRunner
			.withPropertyValues("auditlog.integrity.enabled=true",
					"auditlog.integrity.ed25519.private-key=" + pems.privateKey())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAuditConfigurationException.class)
				.hasMessageContaining("both")
				.message()
				.doesNotContain(pems.privateKey().substring(30, 50)));
	}

	@Test
	void failsAtStartupWithoutAKey() {
		this.contextRunner.withPropertyValues("auditlog.integrity.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAuditConfigurationException.class)
				.hasMessageContaining("auditlog.integrity.hmac-key"));
	}

	@Test
	void failsAtStartupWithAShortKeyWithoutShowingIt() {
		this.contextRunner
			.withPropertyValues("auditlog.integrity.enabled=true", "auditlog.integrity.hmac-key=short-secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAuditConfigurationException.class)
				.hasMessageContaining("at least 32 bytes")
				.message()
				.doesNotContain("short-secret"));
	}

	@Test
	void failsAtStartupOnANonPositiveSealInterval() {
		this.contextRunner
			.withPropertyValues("auditlog.integrity.enabled=true", "auditlog.integrity.hmac-key=" + KEY,
					"auditlog.integrity.seal-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("auditlog.integrity.seal-interval"));
	}

	@Test
	void usersVerifierWins() {
		this.contextRunner.withPropertyValues("auditlog.integrity.enabled=true", "auditlog.integrity.hmac-key=" + KEY)
			.withBean("myVerifier", IntegrityVerifier.class, () -> new IntegrityVerifier(
					new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build(),
					SealKeys.hmac("mine", KEY, java.util.Map.of()), java.time.Clock.systemUTC(),
					java.time.Duration.ofHours(1)))
			.run((context) -> assertThat(context).hasSingleBean(IntegrityVerifier.class).hasBean("myVerifier"));
	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

	}

}
