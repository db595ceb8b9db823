package dev.auditlog.spring.retention;

import java.time.Duration;

import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.retention.LogEntryRetentionTests.RecordingRepository;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditlogRetentionAutoConfiguration}.
 */
class AuditlogRetentionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogRetentionAutoConfiguration.class))
		.withUserConfiguration(RepositoryConfiguration.class);

	@Test
	void keepsEntriesForeverByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(LogEntryRetention.class));
	}

	@Test
	void schedulesDeletionWhenAMaximumAgeIsSet() {
		this.contextRunner.withPropertyValues("auditlog.retention.max-age=90d").run((context) -> {
			assertThat(context).hasSingleBean(LogEntryRetention.class);
			LogEntryRetention retention = context.getBean(LogEntryRetention.class);
			assertThat(retention.maxAge()).isEqualTo(Duration.ofDays(90));
			assertThat(retention.cron()).isEqualTo("0 30 3 * * *");
			assertThat(retention.isRunning()).isTrue();
		});
	}

	@Test
	void followsTheConfiguredCron() {
		this.contextRunner
			.withPropertyValues("auditlog.retention.max-age=P30D", "auditlog.retention.cron=0 0 1 * * SUN")
			.run((context) -> assertThat(context.getBean(LogEntryRetention.class).cron()).isEqualTo("0 0 1 * * SUN"));
	}

	@Test
	void stopsWithTheContext() {
		this.contextRunner.withPropertyValues("auditlog.retention.max-age=90d").run((context) -> {
			LogEntryRetention retention = context.getBean(LogEntryRetention.class);
			context.close();
			assertThat(retention.isRunning()).isFalse();
		});
	}

	@Test
	void failsAtStartupOnAnInvalidCron() {
		this.contextRunner.withPropertyValues("auditlog.retention.max-age=90d", "auditlog.retention.cron=nightly")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("auditlog.retention.cron is not a cron expression: 'nightly'"));
	}

	@Test
	void schedulesNothingWhenTheAuditLogIsDisabled() {
		this.contextRunner.withPropertyValues("auditlog.retention.max-age=90d", "auditlog.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogEntryRetention.class));
	}

	@Test
	void schedulesNothingWithoutARepository() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuditlogRetentionAutoConfiguration.class))
			.withPropertyValues("auditlog.retention.max-age=90d")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LogEntryRetention.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RepositoryConfiguration {

		@Bean
		LogEntryRepository logEntryRepository() {
			return new RecordingRepository();
		}

	}

}
