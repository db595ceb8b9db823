package dev.auditlog.spring.storedjson;

import dev.auditlog.spring.testdb.TestDatabase;

class H2StoredJsonTests extends StoredJsonScenarios {

	@Override
	TestDatabase database() {
		return TestDatabase.h2("auditlog_storedjson");
	}

}
