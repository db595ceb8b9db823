package dev.auditlog.spring.slice;

import dev.auditlog.spring.testdb.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MariaDbRepositorySliceTests extends RepositorySliceScenarios {

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		TestDatabase.mariadb("auditlog_repository_slice").register(registry);
	}

}
