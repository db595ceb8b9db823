package dev.auditlog.spring.signin;

import dev.auditlog.spring.testdb.TestDatabase;

class PostgresSignInEventTests extends SignInEventScenarios {

	private static TestDatabase database;

	@Override
	TestDatabase database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_sign_in_events");
		}
		return database;
	}

}
