package dev.auditlog.spring.query;

import java.util.List;

/**
 * Every database that holds audit log entries: the primary data source's, read by the
 * {@link LogEntryRepository} bean, and that of each other persistence unit with audited
 * entities, whose entries are written into its own database. Retention deletes in each.
 *
 * @since 0.1.0
 */
public interface LogEntryDatabases {

	/**
	 * Return a repository for each database that holds entries, the primary data source's
	 * first, each once.
	 * @return the repositories, possibly empty before the persistence units are built
	 */
	List<LogEntryRepository> repositories();

}
