package dev.auditlog.spring.storedjson;

import dev.auditlog.spring.testdb.TestDatabase;

class MariaDbStoredJsonTests extends StoredJsonScenarios {

	@Override
	TestDatabase database() {
		return TestDatabase.mariadb("auditlog_storedjson");
	}

}
