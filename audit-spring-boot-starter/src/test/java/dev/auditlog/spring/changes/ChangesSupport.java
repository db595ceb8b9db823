package dev.auditlog.spring.changes;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A counter of the statements run through the data source, to prove that auditing reads
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class ChangesSupport {

	@Bean
	static StatementCounter changesStatementCounter() {
		return new StatementCounter();
	}

	@Bean
	static BeanPostProcessor changesCountingDataSource(StatementCounter statementCounter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).listener(statementCounter).build();
				}
				return bean;
			}
		};
	}

	static final class StatementCounter implements QueryExecutionListener {

		final List<String> executed = new CopyOnWriteArrayList<>();

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			for (QueryInfo query : queryInfoList) {
				this.executed.add(query.getQuery().trim());
			}
		}

		void reset() {
			this.executed.clear();
		}

		List<String> selects() {
			return this.executed.stream().filter((sql) -> sql.toLowerCase(Locale.ROOT).startsWith("select")).toList();
		}

		long count(String prefix) {
			return this.executed.stream()
				.filter((sql) -> sql.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
				.count();
		}

	}

}
