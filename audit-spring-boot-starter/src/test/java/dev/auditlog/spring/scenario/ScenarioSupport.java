package dev.auditlog.spring.scenario;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Test instruments of the scenario suites: a statement counter around the data source and
 * a recorder of the audit events, which also vetoes entries of products named
 * {@value #VETOED_NAME}.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioSupport {

	static final String VETOED_NAME = "VETO";

	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	static BeanPostProcessor countingDataSource(StatementCounter statementCounter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource
						&& !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).listener(statementCounter).build();
				}
				return bean;
			}
		};
	}

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	static final class RecordedEvents {

		final List<PreLogEvent> before = new CopyOnWriteArrayList<>();

		final List<PostLogEvent> after = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PreLogEvent event) {
			if (event.getEntity() instanceof Product product && VETOED_NAME.equals(product.getName())) {
				event.veto();
			}
			this.before.add(event);
		}

		@EventListener
		void on(PostLogEvent event) {
			this.after.add(event);
		}

		void clear() {
			this.before.clear();
			this.after.clear();
		}

	}

	/**
	 * Counts the statements executed through the data source, by kind; a batch counts
	 * once, as one round trip.
	 */
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

		long count(String prefix) {
			return this.executed.stream()
				.filter((sql) -> sql.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
				.count();
		}

		long auditInserts() {
			return count("insert into auditlog_logentry");
		}

	}

}
