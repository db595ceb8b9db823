package dev.auditlog.spring.integrity;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integrity scenario on a table partitioned by month
 * ({@code auditlog.schema.partitioning=monthly}): sealing, verifying and retention
 * checkpoints read and delete entries by id and by time across partitions, and a flush
 * drops whole past partitions only after its checkpoint is recorded.
 */
class PostgresPartitionedIntegrityTests extends IntegrityScenarios {

	private static TestDatabase database;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_integrity_partitioned");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		register(database, registry);
		registry.add("auditlog.schema.partitioning", () -> "monthly");
	}

	@Test
	void theTableIsPartitioned() {
		assertThat(this.jdbc.queryForObject("SELECT relkind FROM pg_class WHERE oid = 'auditlog_logentry'::regclass",
				String.class))
			.isEqualTo("p");
	}

}
