package dev.auditlog.spring.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.auditlog.core.IntegrityReport;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing and verifying many entries on PostgreSQL: every entry is sealed, and
 * verification reads them all back and finds nothing. It runs with 20,000 entries by
 * default; {@code -Dauditlog.integrity.scale-entries=1000000} runs it at the size of the
 * issue's target (verify 1M entries in under a minute) and logs the times.
 */
@SpringBootTest(classes = IntegrityApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.integrity.enabled=true", "auditlog.integrity.hmac-key=" + IntegrityScenarios.KEY,
				"auditlog.integrity.key-id=k1", "auditlog.integrity.seal-interval=1h" })
class PostgresIntegrityScaleTests {

	private static final Logger logger = LoggerFactory.getLogger(PostgresIntegrityScaleTests.class);

	private static final int ENTRIES = Integer.getInteger("auditlog.integrity.scale-entries", 20_000);

	private static TestDatabase database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	LogEntrySealer sealer;

	@Autowired
	IntegrityVerifier verifier;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_integrity_scale");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		IntegrityScenarios.register(database, registry);
	}

	@Test
	void manyEntriesAreSealedAndVerifyInBoundedMemory() throws Exception {
		this.jdbc.update("DELETE FROM auditlog_seal");
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.jdbc.update("DELETE FROM auditlog_event");
		AuditDatabase audit = AuditDatabase.of(this.dataSource);
		Instant start = Clock.systemUTC().instant().truncatedTo(ChronoUnit.MICROS);
		long began = System.nanoTime();
		String insert = "INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
				+ "changes, actor, hash) VALUES (?, 1, 'Account', ?, ?, ?, " + audit.jsonParameter() + ", 'alice', ?)";
		for (int from = 0; from < ENTRIES; from += 5_000) {
			List<Object[]> rows = new ArrayList<>();
			for (int i = from; i < Math.min(ENTRIES, from + 5_000); i++) {
				Instant timestamp = start.plus(i, ChronoUnit.MICROS);
				String changes = "{\"balance\": [\"" + i + ".50\", \"" + (i + 1) + ".00\"]}";
				String hash = EntryHashes.logEntry(timestamp, 1, "Account", Integer.toString(i), (long) i,
						"Account " + i, changes, null, null, "alice", null, null);
				rows.add(new Object[] { audit.timestamp(timestamp), Integer.toString(i), (long) i, "Account " + i,
						changes, hash });
			}
			this.jdbc.batchUpdate(insert, rows);
		}
		long inserted = System.nanoTime();
		assertThat(this.sealer.sealAll()).isEqualTo(ENTRIES);
		long sealed = System.nanoTime();
		IntegrityReport report = this.verifier.verify(null, null);
		long verified = System.nanoTime();
		logger.info("{} entries: inserted in {} ms, sealed in {} ms, verified in {} ms (max heap {} MB)", ENTRIES,
				(inserted - began) / 1_000_000, (sealed - inserted) / 1_000_000, (verified - sealed) / 1_000_000,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		assertThat(report.problems()).isEmpty();
		assertThat(report.entries()).isEqualTo(ENTRIES);
		assertThat(report.pending()).isZero();
		assertThat(report.seals()).isEqualTo((ENTRIES + 9_999) / 10_000);
		assertThat(Duration.ofNanos(verified - sealed)).isLessThan(Duration.ofMinutes(1));
	}

}
