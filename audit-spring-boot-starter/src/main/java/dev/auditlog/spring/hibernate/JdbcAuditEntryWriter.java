package dev.auditlog.spring.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.auditlog.core.AuditJson;
import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.schema.AuditDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's {@link AuditEntryWriter}: one multi-row {@code INSERT} per batch (split
 * under the vendor's packet limit), on PostgreSQL a {@code COPY} from
 * {@value LogEntryWriter#COPY_FROM_ROWS} entries on. Public so that a replacing writer
 * can delegate to it.
 *
 * @since 0.1.0
 */
public final class JdbcAuditEntryWriter implements AuditEntryWriter {

	/**
	 * The entries of one write from which PostgreSQL gets them by {@code COPY} (which
	 * works on the driver's connection, past any proxy of the pool's) rather than by a
	 * multi-row {@code INSERT}.
	 */
	public static final int COPY_FROM_ROWS = LogEntryWriter.COPY_FROM_ROWS;

	private final Map<AuditDatabase, LogEntryWriter> writers = new EnumMap<>(AuditDatabase.class);

	/**
	 * Create the writer. The JSON columns are written by the audit log's own
	 * {@link AuditJson mapper}, whatever the application's Jackson configuration.
	 * @param hashing whether each entry is written with its content hash
	 * ({@code auditlog.integrity.enabled})
	 * @since 0.2.0
	 */
	public JdbcAuditEntryWriter(boolean hashing) {
		for (AuditDatabase database : AuditDatabase.values()) {
			this.writers.put(database, new LogEntryWriter(database, hashing));
		}
	}

	/**
	 * Create the writer.
	 * @param json ignored: the JSON columns are written by the audit log's own mapper
	 * @param hashing whether each entry is written with its content hash
	 * ({@code auditlog.integrity.enabled})
	 * @deprecated since 0.2.0 for removal: the stored JSON no longer depends on the
	 * application's mapper; use {@link #JdbcAuditEntryWriter(boolean)}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public JdbcAuditEntryWriter(JsonMapper json, boolean hashing) {
		this(hashing);
	}

	@Override
	public void write(Connection connection, AuditDatabase database, List<LogEntry> entries) throws SQLException {
		// one writer per vendor, made in the constructor
		Objects.requireNonNull(this.writers.get(database)).write(connection, entries);
	}

}
