package dev.auditlog.spring.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistent audit event repository on PostgreSQL, MariaDB and H2.
 */
class JdbcAuditEventRepositoryTests {

	static List<Arguments> databases() {
		return List.of(
				Arguments.of("postgresql", (Supplier<TestDatabase>) () -> TestDatabase.postgres("auditlog_events")),
				Arguments.of("mariadb", (Supplier<TestDatabase>) () -> TestDatabase.mariadb("auditlog_events")),
				Arguments.of("h2", (Supplier<TestDatabase>) () -> TestDatabase.h2("auditlog_events")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void eventsAreStoredWithTheirRequestAndFoundByPrincipalTimeAndType(String vendor, Supplier<TestDatabase> database)
			throws Exception {
		TestDatabase db = database.get();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
		new AuditlogSchemaMigration(dataSource).afterPropertiesSet();
		JdbcAuditEventRepository repository = new JdbcAuditEventRepository(
				new AuditEventStore(dataSource, java.time.Clock.systemUTC()));
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		try (AuditContext.Scope cid = AuditContext.withCid("login-1");
				AuditContext.Scope address = AuditContext.withRemoteAddr("2001:db8::5")) {
			repository.add(new AuditEvent(start, "alice", "AUTHENTICATION_FAILURE",
					Map.of("type", "BadCredentialsException", "details", new Object() {
						@Override
						public String toString() {
							return "details of the request";
						}
					})));
		}
		repository.add(new AuditEvent(start.plusSeconds(1), "alice", "AUTHENTICATION_SUCCESS", Map.of()));
		repository.add(new AuditEvent(start.plusSeconds(2), "bob", "LOGOUT", Map.of()));

		assertThat(repository.find("alice", null, null)).extracting(AuditEvent::getType)
			.containsExactly("AUTHENTICATION_FAILURE", "AUTHENTICATION_SUCCESS");
		assertThat(repository.find(null, start.plusMillis(500), null)).extracting(AuditEvent::getPrincipal)
			.containsExactly("alice", "bob");
		assertThat(repository.find(null, null, "LOGOUT")).singleElement()
			.satisfies((event) -> assertThat(event.getTimestamp()).isEqualTo(start.plusSeconds(2)));
		AuditEvent failure = repository.find("alice", null, "AUTHENTICATION_FAILURE").get(0);
		assertThat(failure.getTimestamp()).isEqualTo(start);
		assertThat(failure.getData()).containsEntry("type", "BadCredentialsException")
			.containsEntry("details", "details of the request")
			.containsEntry("remoteAddr", "2001:db8::5")
			.containsEntry("cid", "login-1");
		assertThat(new JdbcTemplate(dataSource)
			.queryForMap("SELECT remote_addr, cid FROM auditlog_event WHERE type = 'AUTHENTICATION_FAILURE'"))
			.containsEntry(vendor.equals("h2") ? "REMOTE_ADDR" : "remote_addr", "2001:db8::5");
	}

}
