package dev.auditlog.spring.reading;

import java.time.Instant;

import javax.sql.DataSource;

import dev.auditlog.spring.query.LogEntryRows;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static dev.auditlog.spring.query.LogEntryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint follows Boot's conventions: it is not exposed over HTTP until listed in
 * {@code management.endpoints.web.exposure.include}, honours
 * {@code management.endpoint.auditlog.access}, whose default for this endpoint is
 * read-only: no {@code DELETE} unless the access is unrestricted (or the deprecated
 * {@code auditlog.endpoint.flush-enabled} is set and the access is not). The database
 * plays no part here, so H2 serves.
 */
@SpringBootTest(classes = ReadingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false" })
class EndpointAccessTests {

	private static final TestDatabase database = TestDatabase.h2("auditlog_endpoint_access");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@BeforeEach
	void oneOldEntry() {
		LogEntryRows rows = new LogEntryRows(this.dataSource);
		rows.deleteAll();
		rows.insert(row(Instant.parse("2020-01-01T00:00:00Z"), "Book", "1"));
	}

	int status(String method, String pathAndQuery) {
		return EndpointClient.admin(this.port).send(method, pathAndQuery).status();
	}

	long entries() {
		return new LogEntryRows(this.dataSource).count();
	}

	@Test
	void isNotExposedUnlessIncluded() {
		assertThat(status("GET", "/actuator/auditlog")).isEqualTo(404);
		assertThat(status("GET", "/actuator/auditlog/summary")).isEqualTo(404);
		// the security configuration only knows exposed endpoints: CSRF refuses the
		// DELETE
		assertThat(status("DELETE", "/actuator/auditlog?before=2021-01-01")).isIn(403, 404);
		assertThat(entries()).isEqualTo(1);
	}

	@Nested
	@TestPropertySource(properties = "management.endpoints.web.exposure.include=auditlog")
	class Exposed {

		@Test
		void readsButHasNoDeleteByDefault() {
			assertThat(status("GET", "/actuator/auditlog")).isEqualTo(200);
			assertThat(status("DELETE", "/actuator/auditlog?before=2021-01-01")).isEqualTo(405);
			assertThat(entries()).isEqualTo(1);
		}

	}

	@Nested
	@TestPropertySource(properties = { "management.endpoints.web.exposure.include=auditlog",
			"auditlog.endpoint.flush-enabled=true", "management.endpoint.auditlog.access=read-only" })
	class ReadOnly {

		@Test
		void readsButRefusesDelete() {
			assertThat(status("GET", "/actuator/auditlog")).isEqualTo(200);
			assertThat(status("GET", "/actuator/auditlog/summary")).isEqualTo(200);
			assertThat(status("DELETE", "/actuator/auditlog?before=2021-01-01")).isEqualTo(405);
			assertThat(entries()).isEqualTo(1);
		}

	}

	@Nested
	@TestPropertySource(properties = { "management.endpoints.web.exposure.include=auditlog",
			"auditlog.endpoint.flush-enabled=true", "management.endpoint.auditlog.access=none" })
	class AccessNone {

		@Test
		void isGone() {
			assertThat(status("GET", "/actuator/auditlog")).isEqualTo(404);
			// the security configuration only knows exposed endpoints: CSRF refuses the
			// DELETE
			assertThat(status("DELETE", "/actuator/auditlog?before=2021-01-01")).isIn(403, 404);
			assertThat(entries()).isEqualTo(1);
		}

	}

	@Nested
	@TestPropertySource(properties = { "management.endpoints.web.exposure.include=auditlog",
			"management.endpoint.auditlog.access=unrestricted" })
	class Unrestricted {

		@Test
		void deletes() {
			assertThat(status("GET", "/actuator/auditlog")).isEqualTo(200);
			assertThat(status("DELETE", "/actuator/auditlog?before=2021-01-01")).isEqualTo(200);
			assertThat(entries()).isZero();
		}

	}

	@Nested
	@TestPropertySource(properties = { "management.endpoints.web.exposure.include=auditlog",
			"auditlog.endpoint.flush-enabled=true" })
	class DeprecatedFlushEnabled {

		@Test
		void deletes() {
			assertThat(status("DELETE", "/actuator/auditlog?before=2021-01-01")).isEqualTo(200);
			assertThat(entries()).isZero();
		}

	}

}
