package dev.auditlog.benchmarks.workload;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.auditlog.benchmarks.report.WriteCost;
import dev.auditlog.benchmarks.variant.VariantContext;
import org.jspecify.annotations.Nullable;
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
		List<Probe> probes = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<Object[]> rows = sample(connection);
			if (rows.size() < ENTRIES) {
				return List.of();
			}
			Map<String, String> indexes = new LinkedHashMap<>();
			try (var result = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
					+ "'auditlog_logentry' AND schemaname = current_schema() AND indexdef NOT LIKE '%UNIQUE%' "
					+ "ORDER BY indexname")) {
				while (result.next()) {
					indexes.put(result.getString(1), result.getString(2));
				}
			}
			String copy = copyText(rows);
			probes.add(probe(statement, "write_probe_indexed", null, true, ENTRIES,
					"multi-row `INSERT`, all indexes of `auditlog_logentry` (what the starter sends)",
					(table) -> insert(connection, table, rows)));
			probes.add(probe(statement, "write_probe_key", null, false, ENTRIES, "multi-row `INSERT`, primary key only",
					(table) -> insert(connection, table, rows)));
			probes.add(probe(statement, "write_probe_copy", null, true, ENTRIES, "`COPY … FROM STDIN`, all indexes",
					(table) -> copy(connection, table, copy)));
			for (int size : new int[] { 1, 10 }) {
				List<Object[]> some = rows.subList(0, size);
				String someCopy = copyText(some);
				probes.add(probe(statement, "write_probe_insert_" + size, null, true, size,
						"multi-row `INSERT`, all indexes", (table) -> insert(connection, table, some)));
				probes.add(probe(statement, "write_probe_copy_" + size, null, true, size,
						"`COPY … FROM STDIN`, all indexes", (table) -> copy(connection, table, someCopy)));
			}
			int number = 0;
			for (Map.Entry<String, String> index : indexes.entrySet()) {
				String definition = index.getValue().replaceFirst("^.* USING btree ", "");
				probes.add(probe(statement, "write_probe_without_" + (++number), index.getKey(), true, ENTRIES,
						"multi-row `INSERT`, all indexes but `" + definition + "`",
						(table) -> insert(connection, table, rows)));
			}
			connection.setAutoCommit(false);
			// interleaved, so that a busy moment of the machine costs every probe alike
			for (int i = 0; i < repetitions + Math.max(5, repetitions / 5); i++) {
				for (Probe probe : probes) {
					long started = System.nanoTime();
					probe.write().run(probe.table());
					long nanos = System.nanoTime() - started;
					connection.commit();
					if (i >= Math.max(5, repetitions / 5)) {
						probe.nanos().add(nanos);
					}
				}
			}
			connection.setAutoCommit(true);
			for (Probe probe : probes) {
				statement.execute("DROP TABLE " + probe.table());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not measure the write cost", ex);
		}
		List<WriteCost> costs = new ArrayList<>();
		for (Probe probe : probes) {
			WriteCost cost = new WriteCost(probe.how(), probe.entries(),
					probe.nanos().stream().mapToLong(Long::longValue).toArray());
			costs.add(cost);
			logger.info("Write cost of {} entries by {}: median {} ms", cost.entries(), cost.how(),
					String.format("%.2f", cost.medianMillis()));
		}
		return costs;
	}

	private static Probe probe(Statement statement, String table, @Nullable String withoutIndex, boolean indexed,
			int entries, String how, Write write) throws SQLException {
		statement.execute("DROP TABLE IF EXISTS " + table);
		if (indexed) {
			statement.execute("CREATE TABLE " + table + " (LIKE auditlog_logentry INCLUDING ALL)");
		}
		else {
			statement.execute("CREATE TABLE " + table + " (LIKE auditlog_logentry INCLUDING DEFAULTS "
					+ "INCLUDING IDENTITY INCLUDING CONSTRAINTS)");
			statement.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (id)");
		}
		if (withoutIndex != null) {
			// LIKE … INCLUDING ALL names the copies after the table and their columns:
			// drop
			// the copy whose definition matches
			try (var result = statement.getConnection()
				.createStatement()
				.executeQuery("SELECT c.indexname FROM pg_indexes c, pg_indexes o WHERE c.tablename = '" + table
						+ "' AND o.indexname = '" + withoutIndex + "' AND c.schemaname = current_schema() "
						+ "AND o.schemaname = current_schema() AND replace(c.indexdef, '" + table
						+ "', 'auditlog_logentry') = replace(o.indexdef, o.indexname, c.indexname)")) {
				if (result.next()) {
					statement.execute("DROP INDEX " + result.getString(1));
				}
			}
		}
		return new Probe(table, how, entries, write, new ArrayList<>());
	}

	private record Probe(String table, String how, int entries, Write write, List<Long> nanos) {

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

	@FunctionalInterface
	private interface Write {

		void run(String table) throws SQLException;

	}

}
