package dev.auditlog.spring.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a repository really sends, recorded with their parameters so that a test
 * can {@code EXPLAIN} them on PostgreSQL.
 */
final class SentQueries {

	private final List<QueryInfo> queries = new CopyOnWriteArrayList<>();

	/**
	 * Return a data source that records every statement sent through it.
	 */
	DataSource recording(DataSource dataSource) {
		return ProxyDataSourceBuilder.create(dataSource).listener(new QueryExecutionListener() {

			@Override
			public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			}

			@Override
			public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
				SentQueries.this.queries.addAll(queryInfoList);
			}

		}).build();
	}

	void clear() {
		this.queries.clear();
	}

	List<QueryInfo> all() {
		return List.copyOf(this.queries);
	}

	/**
	 * Return the plan of a recorded statement, one line per plan line.
	 * @param jdbc where to explain it
	 * @param explain the command, such as {@code EXPLAIN} or
	 * {@code EXPLAIN (ANALYZE, COSTS OFF)}
	 * @param query the statement with its parameters
	 */
	static String explain(JdbcTemplate jdbc, String explain, QueryInfo query) {
		List<Object> args = new ArrayList<>();
		query.getParametersList()
			.get(0)
			.stream()
			.sorted(Comparator.comparingInt((ParameterSetOperation operation) -> (int) operation.getArgs()[0]))
			.forEach((operation) -> args.add(operation.getArgs()[1]));
		return String.join("\n", jdbc.queryForList(explain + " " + query.getQuery(), String.class, args.toArray()));
	}

}
