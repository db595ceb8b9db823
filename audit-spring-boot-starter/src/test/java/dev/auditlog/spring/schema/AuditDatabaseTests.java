package dev.auditlog.spring.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AuditDatabaseTests {

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void isDetectedOncePerDataSourceFromTheJdbcProductName(String vendor) throws SQLException {
		TestDatabase database = switch (vendor) {
			case "postgresql" -> TestDatabase.postgres("auditlog_database_detection");
			case "mariadb" -> TestDatabase.mariadb("auditlog_database_detection");
			default -> TestDatabase.h2("auditlog_database_detection");
		};
		AtomicInteger connections = new AtomicInteger();
		DelegatingDataSource counting = new DelegatingDataSource(
				new DriverManagerDataSource(database.url(), database.username(), database.password())) {

			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}

		};
		AuditDatabase detected = AuditDatabase.of(counting);
		assertThat(detected.migrations()).isEqualTo(vendor);
		for (int i = 0; i < 5; i++) {
			assertThat(AuditDatabase.of(counting)).isSameAs(detected);
		}
		assertThat(connections).hasValue(1);
	}

	@ParameterizedTest
	@CsvSource({ "PostgreSQL, POSTGRESQL", "MariaDB, MARIADB", "MySQL, MARIADB", "H2, H2" })
	void knowsTheProductNamesOfItsDrivers(String productName, AuditDatabase database) {
		assertThat(AuditDatabase.ofProductName(productName)).isEqualTo(database);
	}

	@Test
	void anUnsupportedProductIsNamed() {
		assertThatIllegalStateException().isThrownBy(() -> AuditDatabase.ofProductName("Oracle"))
			.withMessageContaining("Oracle")
			.withMessageContaining("PostgreSQL, MariaDB/MySQL and H2");
	}

	@Test
	void aBoundIsRoundedUpToTheNextMicrosecondAndKeptInTheColumnsRange() {
		Instant instant = Instant.parse("2025-01-02T03:04:05.123456001Z");
		assertThat(AuditDatabase.POSTGRESQL.bound(instant))
			.isEqualTo(OffsetDateTime.parse("2025-01-02T03:04:05.123457Z"));
		assertThat(AuditDatabase.MARIADB.bound(instant)).isEqualTo(LocalDateTime.parse("2025-01-02T03:04:05.123457"));
		assertThat(AuditDatabase.H2.bound(Instant.parse("2025-01-02T03:04:05.123456Z")))
			.isEqualTo(OffsetDateTime.parse("2025-01-02T03:04:05.123456Z"));
		assertThat(AuditDatabase.MARIADB.bound(Instant.MIN))
			.isEqualTo(LocalDateTime.ofInstant(AuditDatabase.MIN_TIMESTAMP, ZoneOffset.UTC));
		assertThat(AuditDatabase.POSTGRESQL.bound(Instant.MAX))
			.isEqualTo(OffsetDateTime.ofInstant(AuditDatabase.MAX_TIMESTAMP, ZoneOffset.UTC));
	}

}
