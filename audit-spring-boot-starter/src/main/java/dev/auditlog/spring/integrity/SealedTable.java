package dev.auditlog.spring.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;

/**
 * A table that is sealed in a chain of its own: its name, the columns read to verify a
 * row (the id first, the timestamp second, the stored hash last) and how the content hash
 * is computed from them.
 *
 * @param name the table's name, also the name of its lock row and the {@code table_name}
 * of its seals
 * @param columns the columns to select, comma separated: {@code id, timestamp, …, hash}
 * @param hashColumn the 1-based index of {@code hash} among the columns
 * @param hasher computes the content hash of the row the result set is on
 */
record SealedTable(String name, String columns, int hashColumn, Hasher hasher) {

	static final SealedTable LOG_ENTRY = new SealedTable("auditlog_logentry",
			"id, timestamp, action, model, object_pk, object_id, object_repr, changes, serialized_data, "
					+ "additional_data, actor, remote_addr, cid, tenant, hash",
			15, (database, rs) -> {
				long objectId = rs.getLong(6);
				Long nullableObjectId = rs.wasNull() ? null : objectId;
				return EntryHashes.logEntry(database.timestamp(rs, 2), rs.getInt(3), rs.getString(4), rs.getString(5),
						nullableObjectId, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
						rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
			});

	static final SealedTable EVENT = new SealedTable("auditlog_event",
			"id, timestamp, principal, type, remote_addr, cid, data, hash", 8,
			(database, rs) -> EntryHashes.event(database.timestamp(rs, 2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)));

	static final List<SealedTable> ALL = List.of(LOG_ENTRY, EVENT);

	/**
	 * Return the content hash of the row a result set is on, or {@code null} when a
	 * column cannot be read as it was written (it was changed).
	 */
	@Nullable String hash(AuditDatabase database, ResultSet rs) throws SQLException {
		try {
			return this.hasher.hash(database, rs);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Computes the content hash of a row from the columns of a {@link SealedTable}.
	 */
	@FunctionalInterface
	interface Hasher {

		String hash(AuditDatabase database, ResultSet rs) throws SQLException;

	}

}
