package dev.auditlog.spring.units;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.spring.InvalidAuditDatabaseException;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Setups of several databases the audit log cannot serve stop startup with a message
 * naming the persistence unit, never the first transaction.
 */
class UnitStartupFailureTests {

	@Test
	void aSecondDatabaseWithoutAuditTablesStopsStartupWhenMigrationIsOff() throws Exception {
		TestDatabase primary = TestDatabase.h2("auditlog_units_nomigrate_primary");
		new AuditlogSchemaMigration(new DriverManagerDataSource(primary.url(), primary.username(), primary.password()))
			.afterPropertiesSet();
		TestDatabase legacy = TestDatabase.mariadb("auditlog_units_nomigrate");
		InvalidAuditDatabaseException failure = startupFailure(
				properties(primary, legacy, "auditlog.schema.migrate", "false"));
		assertThat(failure.getMessage()).contains("EntityManagerFactory 'legacyEntityManagerFactory'")
			.contains("LegacyCustomer")
			.contains("auditlog_logentry")
			.contains("auditlog.schema.migrate is false");
		assertThat(failure.getAction()).contains("dev/auditlog/schema/");
	}

	@Test
	void aModelAuditedInTwoUnitsStopsStartup() {
		Map<String, String> properties = properties(TestDatabase.h2("auditlog_units_twice_primary"),
				TestDatabase.h2("auditlog_units_twice_legacy"), "units.legacy.packages",
				"dev.auditlog.spring.units.primary,dev.auditlog.spring.units.legacy");
		InvalidAuditDatabaseException failure = startupFailure(properties);
		assertThat(failure.getMessage()).contains("Audit model 'Booking' is audited in two persistence units")
			.contains("'entityManagerFactory'")
			.contains("'legacyEntityManagerFactory'");
	}

	private static Map<String, String> properties(TestDatabase primary, TestDatabase legacy, String key, String value) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Map.Entry<String, TestDatabase> unit : Map.of("primary", primary, "legacy", legacy).entrySet()) {
			properties.put("units." + unit.getKey() + ".url", unit.getValue().url());
			properties.put("units." + unit.getKey() + ".username", unit.getValue().username());
			properties.put("units." + unit.getKey() + ".password", unit.getValue().password());
		}
		properties.put(key, value);
		properties.put("spring.jpa.open-in-view", "false");
		// the application has no migrations of its own
		properties.put("spring.flyway.enabled", "false");
		return properties;
	}

	private static InvalidAuditDatabaseException startupFailure(Map<String, String> properties) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UnitsApplication.class)
			.web(WebApplicationType.NONE)
			.properties(Map.copyOf(properties))
			.run()) {
			return fail("started, but should have stopped");
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidAuditDatabaseException invalid) {
					return invalid;
				}
			}
			throw ex;
		}
	}

}
