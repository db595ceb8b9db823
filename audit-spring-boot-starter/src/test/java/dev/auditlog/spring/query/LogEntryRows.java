package dev.auditlog.spring.query;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows of {@code auditlog_logentry} with plain SQL, with the timestamps a test
 * chooses, on any of the three databases.
 */
public final class LogEntryRows {

	private final JdbcTemplate jdbc;

	private final AuditDatabase database;

	public LogEntryRows(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		try {
			this.database = AuditDatabase.of(dataSource);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return a row of the given model and key, with an {@code UPDATE} of {@code name}.
	 * @param timestamp when it was recorded
	 * @param model the model
	 * @param objectPk the key
	 * @return the row, to adjust
	 */
	public static Row row(Instant timestamp, String model, String objectPk) {
		return new Row(timestamp, model, objectPk);
	}

	/**
	 * Insert rows in one multi-row statement per 500 rows, in the given order (so ids
	 * follow it).
	 * @param rows the rows
	 */
	public void insert(List<Row> rows) {
		String json = switch (this.database) {
			case POSTGRESQL -> "CAST(? AS jsonb)";
			case H2 -> "? FORMAT JSON";
			case MARIADB -> "?";
		};
		String values = "(?, ?, ?, ?, ?, ?, " + json + ", " + json + ", " + json + ", ?, ?, ?)";
		for (int from = 0; from < rows.size(); from += 500) {
			List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
			StringJoiner sql = new StringJoiner(", ",
					"INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
							+ "changes, serialized_data, additional_data, actor, remote_addr, cid) VALUES ",
					"");
			List<@Nullable Object> args = new ArrayList<>();
			for (Row row : chunk) {
				sql.add(values);
				args.add(this.database.timestamp(row.timestamp));
				args.add((short) row.action.value());
				args.add(row.model);
				args.add(row.objectPk);
				args.add(row.objectId);
				args.add(row.objectRepr);
				args.add(row.changes);
				args.add(row.serializedData);
				args.add(row.additionalData);
				args.add(row.actor);
				args.add(row.remoteAddr);
				args.add(row.cid);
			}
			this.jdbc.update(sql.toString(), args.toArray());
		}
	}

	/**
	 * Insert rows in the given order.
	 * @param rows the rows
	 */
	public void insert(Row... rows) {
		insert(List.of(rows));
	}

	/**
	 * Return the ids of the rows matching a condition, newest first by timestamp then id.
	 * @param condition an SQL condition, such as {@code model = 'Book'}
	 * @return the ids
	 */
	public List<Long> idsNewestFirst(String condition) {
		return this.jdbc.queryForList(
				"SELECT id FROM auditlog_logentry WHERE " + condition + " ORDER BY timestamp DESC, id DESC",
				Long.class);
	}

	/**
	 * Return the number of rows.
	 * @return the number of rows
	 */
	public long count() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Delete every row.
	 */
	public void deleteAll() {
		this.jdbc.update("DELETE FROM auditlog_logentry");
	}

	/**
	 * One row to insert, with defaults for what a test does not care about.
	 */
	public static final class Row {

		final Instant timestamp;

		final String model;

		final String objectPk;

		Action action = Action.UPDATE;

		@Nullable Long objectId;

		String objectRepr;

		String changes = "{\"name\": [\"old\", \"new\"]}";

		@Nullable String serializedData;

		@Nullable String additionalData;

		@Nullable String actor;

		@Nullable String remoteAddr;

		@Nullable String cid;

		Row(Instant timestamp, String model, String objectPk) {
			this.timestamp = timestamp;
			this.model = model;
			this.objectPk = objectPk;
			this.objectRepr = model + " " + objectPk;
		}

		public Row action(Action action) {
			this.action = action;
			return this;
		}

		public Row objectId(@Nullable Long objectId) {
			this.objectId = objectId;
			return this;
		}

		public Row objectRepr(String objectRepr) {
			this.objectRepr = objectRepr;
			return this;
		}

		public Row changes(String changes) {
			this.changes = changes;
			return this;
		}

		public Row serializedData(@Nullable String serializedData) {
			this.serializedData = serializedData;
			return this;
		}

		public Row additionalData(@Nullable String additionalData) {
			this.additionalData = additionalData;
			return this;
		}

		public Row actor(@Nullable String actor) {
			this.actor = actor;
			return this;
		}

		public Row remoteAddr(@Nullable String remoteAddr) {
			this.remoteAddr = remoteAddr;
			return this;
		}

		public Row cid(@Nullable String cid) {
			this.cid = cid;
			return this;
		}

	}

}
