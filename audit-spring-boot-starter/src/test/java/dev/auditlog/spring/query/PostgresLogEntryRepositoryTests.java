package dev.auditlog.spring.query;

import dev.auditlog.spring.testdb.TestDatabase;

class PostgresLogEntryRepositoryTests extends LogEntryRepositoryContract {

	@Override
	TestDatabase database() {
		return TestDatabase.postgres("auditlog_repository_contract");
	}

}
