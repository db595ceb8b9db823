package dev.auditlog.spring.tenant;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
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
	static Statements statements() {
		return new Statements();
	}

	@Bean
	static BeanPostProcessor recordingDataSource(Statements statements) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).listener(statements).build();
				}
				return bean;
			}
		};
	}

	/**
	 * The statements executed through the application's data source.
	 */
	static final class Statements implements QueryExecutionListener {

		private final List<String> executed = new CopyOnWriteArrayList<>();

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			for (QueryInfo query : queryInfoList) {
				this.executed.add(query.getQuery().trim().toLowerCase(Locale.ROOT));
			}
		}

		void reset() {
			this.executed.clear();
		}

		List<String> all() {
			return List.copyOf(this.executed);
		}

	}

}
