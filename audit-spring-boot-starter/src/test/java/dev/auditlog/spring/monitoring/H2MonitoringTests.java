package dev.auditlog.spring.monitoring;

import dev.auditlog.spring.testdb.TestDatabase;

class H2MonitoringTests extends MonitoringScenarios {

	private static TestDatabase database;

	@Override
	TestDatabase database() {
		if (database == null) {
			database = TestDatabase.h2("auditlog_monitoring");
		}
		return database;
	}

}
