package dev.auditlog.spring.signin;

import dev.auditlog.spring.testdb.TestDatabase;

class MariaDbSignInEventTests extends SignInEventScenarios {

	private static TestDatabase database;

	@Override
	TestDatabase database() {
		if (database == null) {
			database = TestDatabase.mariadb("auditlog_sign_in_events");
		}
		return database;
	}

}
