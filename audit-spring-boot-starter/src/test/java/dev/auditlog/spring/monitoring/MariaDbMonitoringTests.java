package dev.auditlog.spring.monitoring;

import dev.auditlog.spring.testdb.TestDatabase;

class MariaDbMonitoringTests extends MonitoringScenarios {

	private static TestDatabase database;

	@Override
	TestDatabase database() {
		if (database == null) {
			database = TestDatabase.mariadb("auditlog_monitoring");
		}
		return database;
	}

}
