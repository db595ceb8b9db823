package dev.auditlog.spring.slice;

import dev.auditlog.spring.testdb.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresRepositorySliceTests extends RepositorySliceScenarios {

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		TestDatabase.postgres("auditlog_repository_slice").register(registry);
	}

}
