package dev.auditlog.spring.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.auditlog.spring.schema.LogEntryPartitions;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's whole contract on a table partitioned by month: filters, order, keyset
 * pages across partitions, summaries and deletes (which drop the past months' partitions
 * whole; they are created again before each test).
 */
class PostgresPartitionedLogEntryRepositoryTests extends LogEntryRepositoryContract {

	@Override
	TestDatabase database() {
		return TestDatabase.postgres("auditlog_repository_contract_partitioned");
	}

	@BeforeEach
	void partitions() throws Exception {
		// October 2025 to June 2026, around the contract's NOW (March 2026)
		new LogEntryPartitions(this.dataSource, 8, Clock.fixed(Instant.parse("2025-10-15T00:00:00Z"), ZoneOffset.UTC))
			.afterPropertiesSet();
	}

	@Test
	void theTableIsPartitioned() {
		assertThat(new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT relkind FROM pg_class WHERE oid = 'auditlog_logentry'::regclass", String.class))
			.isEqualTo("p");
	}

}
