package dev.auditlog.spring.storedjson;

import dev.auditlog.spring.testdb.TestDatabase;

class PostgresStoredJsonTests extends StoredJsonScenarios {

	@Override
	TestDatabase database() {
		return TestDatabase.postgres("auditlog_storedjson");
	}

}
