package dev.auditlog.spring.schema;

import java.time.Clock;

import dev.auditlog.spring.InvalidAuditConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the settings {@link LogEntryPartitions} refuses before it reads a database.
 */
class LogEntryPartitionsTests {

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 121, 1000 })
	void monthsAheadOutOfRangeAreAConfigurationErrorNamingTheProperty(int ahead) {
		assertThatExceptionOfType(InvalidAuditConfigurationException.class)
			.isThrownBy(() -> new LogEntryPartitions(new SimpleDriverDataSource(), ahead, Clock.systemUTC()))
			.withMessageStartingWith("auditlog.schema.partitions-ahead must be from 1 to 120 but was " + ahead);
	}

}
