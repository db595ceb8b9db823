package dev.auditlog.spring.query;

import dev.auditlog.spring.testdb.TestDatabase;

class MariaDbLogEntryRepositoryTests extends LogEntryRepositoryContract {

	@Override
	TestDatabase database() {
		return TestDatabase.mariadb("auditlog_repository_contract");
	}

}
