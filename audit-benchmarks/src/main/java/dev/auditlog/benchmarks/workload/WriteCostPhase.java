package dev.auditlog.benchmarks.workload;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.auditlog.benchmarks.report.WriteCost;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes apart what auditlog's write of a transaction costs the database: the entries the
 * auditlog variant wrote are written again, 100 at a time, each time in a transaction of
 * its own, with the multi-row {@code INSERT} the starter sends into a table like
 * {@code auditlog_logentry} with all its indexes, into one with its primary key only, and
 * with {@code COPY}; the commit is not timed. A measurement to weigh remedies, not a
 * variant.
 */
public final class WriteCostPhase {

	private static final Logger logger = LoggerFactory.getLogger(WriteCostPhase.class);

	private static final int ENTRIES = 100;

	private static final String COLUMNS = "timestamp, action, model, object_pk, object_id, object_repr, changes, "
			+ "serialized_data, additional_data, actor, remote_addr, cid";

	/**
	 * Measure.
	 * @param auditlog the auditlog variant, after it wrote entries
	 * @param repetitions the writes timed of each kind
	 * @return the cost of each kind of write
	 */
	public List<WriteCost> run(VariantContext auditlog, int repetitions) {
		DataSource dataSource = auditlog.context().getBean(DataSource.class);
		List<WriteCost> costs = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS write_probe_indexed, write_probe_key");
			statement.execute("CREATE TABLE write_probe_indexed (LIKE auditlog_logentry INCLUDING ALL)");
			statement.execute("CREATE TABLE write_probe_key (LIKE auditlog_logentry INCLUDING DEFAULTS "
					+ "INCLUDING IDENTITY INCLUDING CONSTRAINTS)");
			statement.execute("ALTER TABLE write_probe_key ADD PRIMARY KEY (id)");
			List<Object[]> rows = sample(connection);
			if (rows.size() < ENTRIES) {
				return costs;
			}
			connection.setAutoCommit(false);
			costs.add(new WriteCost("multi-row `INSERT`, all indexes of `auditlog_logentry` (what the starter sends)",
					ENTRIES, time(connection, repetitions, () -> insert(connection, "write_probe_indexed", rows))));
			costs.add(new WriteCost("multi-row `INSERT`, primary key only", ENTRIES,
					time(connection, repetitions, () -> insert(connection, "write_probe_key", rows))));
			String copy = copyText(rows);
			costs.add(new WriteCost("`COPY … FROM STDIN`, all indexes", ENTRIES,
					time(connection, repetitions, () -> copy(connection, "write_probe_indexed", copy))));
			connection.setAutoCommit(true);
			statement.execute("DROP TABLE write_probe_indexed, write_probe_key");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not measure the write cost", ex);
		}
		for (WriteCost cost : costs) {
			logger.info("Write cost of {} entries by {}: median {} ms", cost.entries(), cost.how(),
					String.format("%.2f", cost.medianMillis()));
		}
		return costs;
	}

	private static List<Object[]> sample(Connection connection) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT timestamp, action, model, object_pk, object_id, "
						+ "object_repr, changes::text, serialized_data::text, additional_data::text, actor, "
						+ "remote_addr, cid FROM auditlog_logentry WHERE action = 1 ORDER BY id DESC LIMIT "
						+ ENTRIES)) {
			while (result.next()) {
				Object[] row = new Object[12];
				for (int i = 0; i < row.length; i++) {
					row[i] = result.getObject(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static void insert(Connection connection, String table, List<Object[]> rows) throws SQLException {
		StringJoiner sql = new StringJoiner(", ", "INSERT INTO " + table + " (" + COLUMNS + ") VALUES ", "");
		for (int i = 0; i < rows.size(); i++) {
			sql.add("(?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)");
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			int index = 1;
			for (Object[] row : rows) {
				for (Object value : row) {
					statement.setObject(index++, value);
				}
			}
			statement.executeUpdate();
		}
	}

	private static String copyText(List<Object[]> rows) {
		StringBuilder text = new StringBuilder();
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				text.append((row[i] != null) ? escape(String.valueOf(row[i])) : "\\N");
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static void copy(Connection connection, String table, String text) throws SQLException {
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN", new StringReader(text));
		}
		catch (IOException ex) {
			throw new SQLException(ex);
		}
	}

	private static long[] time(Connection connection, int repetitions, Write write) throws SQLException {
		for (int i = 0; i < Math.max(5, repetitions / 5); i++) {
			write.run();
			connection.commit();
		}
		long[] nanos = new long[repetitions];
		for (int i = 0; i < repetitions; i++) {
			long started = System.nanoTime();
			write.run();
			nanos[i] = System.nanoTime() - started;
			connection.commit();
		}
		return nanos;
	}

	@FunctionalInterface
	private interface Write {

		void run() throws SQLException;

	}

}
