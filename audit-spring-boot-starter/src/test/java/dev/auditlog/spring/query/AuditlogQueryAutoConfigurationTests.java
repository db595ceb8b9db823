package dev.auditlog.spring.query;

import java.time.Instant;
import java.util.Optional;

import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditlogQueryAutoConfiguration}.
 */
class AuditlogQueryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataSourceAutoConfiguration.class, AuditlogQueryAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:auditlog_query_autoconfiguration");

	@Test
	void providesAJdbcRepositoryOnTheDataSource() {
		this.contextRunner.run((context) -> assertThat(context).getBean(LogEntryRepository.class)
			.isInstanceOf(JdbcLogEntryRepository.class));
	}

	@Test
	void backsOffWhenTheApplicationDeclaresItsOwnRepository() {
		this.contextRunner.withUserConfiguration(OwnRepositoryConfiguration.class)
			.run((context) -> assertThat(context).getBean(LogEntryRepository.class).isInstanceOf(OwnRepository.class));
	}

	@Test
	void providesNothingWhenTheAuditLogIsDisabled() {
		this.contextRunner.withPropertyValues("auditlog.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogEntryRepository.class));
	}

	@Test
	void providesNothingWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AuditlogQueryAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LogEntryRepository.class));
	}

	@Test
	void refusesABatchSizeBelowOne() {
		this.contextRunner.withPropertyValues("auditlog.retention.batch-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("auditlog.retention.batch-size must be positive but was 0"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRepositoryConfiguration {

		@Bean
		OwnRepository ownRepository() {
			return new OwnRepository();
		}

	}

	static class OwnRepository implements LogEntryRepository {

		@Override
		public LogEntryPage query(LogEntryQuery query) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<LogEntry> find(long id) {
			return Optional.empty();
		}

		@Override
		public long deleteBefore(Instant before) {
			return 0;
		}

		@Override
		public LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor) {
			throw new UnsupportedOperationException();
		}

	}

}
