package dev.auditlog.spring.schema;

import javax.sql.DataSource;

import dev.auditlog.spring.InvalidAuditDatabaseException;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly partitioning is a PostgreSQL feature: asked for on MariaDB or H2, startup stops
 * with a message saying so and what to change; left at its default nothing is done.
 */
class PartitioningStartupFailureTests {

	@Test
	void monthlyPartitioningOnMariaDbStopsStartup() {
		assertStartupFails(TestDatabase.mariadb("auditlog_partitioning_refused"), "MARIADB");
	}

	@Test
	void monthlyPartitioningOnH2StopsStartup() {
		assertStartupFails(TestDatabase.h2("auditlog_partitioning_refused"), "H2");
	}

	@Test
	void noPartitioningByDefault() {
		runner(TestDatabase.h2("auditlog_partitioning_default"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LogEntryPartitions.class));
		runner(TestDatabase.h2("auditlog_partitioning_none")).withPropertyValues("auditlog.schema.partitioning=none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LogEntryPartitions.class));
	}

	private void assertStartupFails(TestDatabase database, String vendor) {
		runner(database).withPropertyValues("auditlog.schema.partitioning=monthly").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof InvalidAuditDatabaseException)) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOf(InvalidAuditDatabaseException.class)
				.hasMessageContaining("auditlog.schema.partitioning=monthly is supported on PostgreSQL only")
				.hasMessageContaining(vendor);
			assertThat(((InvalidAuditDatabaseException) failure).getAction())
				.contains("Remove auditlog.schema.partitioning");
		});
	}

	private static ApplicationContextRunner runner(TestDatabase database) {
		DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuditlogSchemaAutoConfiguration.class,
					AuditlogPartitioningAutoConfiguration.class))
			.withBean(DataSource.class, () -> dataSource);
	}

}
