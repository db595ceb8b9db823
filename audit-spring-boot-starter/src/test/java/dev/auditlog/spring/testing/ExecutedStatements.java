package dev.auditlog.spring.testing;

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

/**
 * The statements executed through a test application's data sources, lower case and
 * trimmed, for tests that count what a change sends.
 */
public final class ExecutedStatements implements QueryExecutionListener {

	private final List<String> executed = new CopyOnWriteArrayList<>();

	/**
	 * Return a post-processor that sends every data source's statements to the given
	 * record (declare it from a {@code static @Bean} method).
	 * @param statements the record
	 * @return the post-processor
	 */
	public static BeanPostProcessor recording(ExecutedStatements statements) {
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

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		for (QueryInfo query : queryInfoList) {
			this.executed.add(query.getQuery().trim().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * Forget the statements recorded so far.
	 */
	public void reset() {
		this.executed.clear();
	}

	/**
	 * Return the statements recorded since the last reset.
	 * @return the statements, in order
	 */
	public List<String> all() {
		return List.copyOf(this.executed);
	}

	/**
	 * Return the {@code SELECT}s recorded since the last reset that name a table.
	 * @param table the table
	 * @return the statements, in order
	 */
	public List<String> reading(String table) {
		return this.executed.stream().filter((sql) -> sql.startsWith("select") && sql.contains(table)).toList();
	}

}
