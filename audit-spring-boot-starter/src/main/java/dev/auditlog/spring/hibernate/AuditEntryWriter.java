package dev.auditlog.spring.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.schema.AuditDatabase;

/**
 * Writes the log entries of one transaction into {@code auditlog_logentry}, on the
 * transaction's connection, just before it commits. The starter's writer sends one
 * multi-row {@code INSERT} per batch (on PostgreSQL a {@code COPY} from
 * {@value LogEntryWriter#COPY_FROM_ROWS} entries on), each statement kept under the
 * vendor's packet limit. Declare a bean of this type to replace it (to add a column, to
 * send the entries elsewhere as well); it must write on the given connection, so that the
 * entries commit or roll back with the change.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AuditEntryWriter {

	/**
	 * Write the entries.
	 * @param connection the transaction's connection; not to be closed or committed
	 * @param database the database it is connected to
	 * @param entries the entries, in the order of the changes, never empty
	 * @throws SQLException if the database refuses them; the transaction then fails
	 * ({@code auditlog.on-error: fail}) or the entries are dropped and logged
	 * ({@code log})
	 */
	void write(Connection connection, AuditDatabase database, List<LogEntry> entries) throws SQLException;

}
