package dev.auditlog.spring.signin;

import dev.auditlog.spring.testdb.TestDatabase;

class H2SignInEventTests extends SignInEventScenarios {

	private static TestDatabase database;

	@Override
	TestDatabase database() {
		if (database == null) {
			database = TestDatabase.h2("auditlog_sign_in_events");
		}
		return database;
	}

}
