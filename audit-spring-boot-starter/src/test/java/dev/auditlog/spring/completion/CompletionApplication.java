package dev.auditlog.spring.completion;

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
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Orders with lines, and a record of the statements sent to the database, to test how
 * transactions end and what reading an empty selection costs.
 */
@SpringBootApplication
public class CompletionApplication {

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

		List<String> reading(String table) {
			return this.executed.stream().filter((sql) -> sql.startsWith("select") && sql.contains(table)).toList();
		}

	}

}
