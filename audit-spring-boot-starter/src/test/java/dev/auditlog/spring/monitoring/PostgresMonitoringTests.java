package dev.auditlog.spring.monitoring;

import dev.auditlog.spring.testdb.TestDatabase;

class PostgresMonitoringTests extends MonitoringScenarios {

	private static TestDatabase database;

	@Override
	TestDatabase database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_monitoring");
		}
		return database;
	}

}
