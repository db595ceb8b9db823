package dev.auditlog.spring.query;

import dev.auditlog.spring.testdb.TestDatabase;

class H2LogEntryRepositoryTests extends LogEntryRepositoryContract {

	@Override
	TestDatabase database() {
		return TestDatabase.h2("auditlog_repository_contract");
	}

}
