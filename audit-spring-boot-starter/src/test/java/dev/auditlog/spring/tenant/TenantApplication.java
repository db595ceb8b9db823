package dev.auditlog.spring.tenant;

import dev.auditlog.spring.testing.ExecutedStatements;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Notes of several tenants in one table, the current tenant in a thread-local as a web
 * application would bind it per request, and a record of the statements sent to the
 * database.
 */
@SpringBootApplication
public class TenantApplication {

	/** The tenant that reads every tenant's rows and entries. */
	static final String ROOT = "root";

	private static final ThreadLocal<String> current = ThreadLocal.withInitial(() -> ROOT);

	static void use(String tenant) {
		current.set(tenant);
	}

	static void reset() {
		current.remove();
	}

	@Bean
	HibernatePropertiesCustomizer tenantResolver() {
		CurrentTenantIdentifierResolver<String> resolver = new CurrentTenantIdentifierResolver<>() {

			@Override
			public String resolveCurrentTenantIdentifier() {
				return current.get();
			}

			@Override
			public boolean validateExistingCurrentSessions() {
				return false;
			}

			@Override
			public boolean isRoot(String tenant) {
				return ROOT.equals(tenant);
			}

		};
		return (properties) -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
	}

	@Bean
	static ExecutedStatements statements() {
		return new ExecutedStatements();
	}

	@Bean
	static BeanPostProcessor recordingDataSource(ExecutedStatements statements) {
		return ExecutedStatements.recording(statements);
	}

}
