package dev.auditlog.spring.query;

import javax.sql.DataSource;

/**
 * Makes the starter's repositories; for the starter's own use, not part of its API.
 *
 * @since 0.1.0
 */
public final class LogEntryRepositories {

	private LogEntryRepositories() {
	}

	/**
	 * Return a repository reading and deleting the entries of one database with plain
	 * SQL, as the {@link LogEntryRepository} bean does for the primary data source.
	 * @param dataSource the database holding {@code auditlog_logentry} (PostgreSQL,
	 * MariaDB/MySQL or H2)
	 * @param deleteBatchSize the number of entries deleted per statement, positive
	 * @return the repository
	 * @throws IllegalArgumentException if the batch size is not positive
	 */
	public static LogEntryRepository jdbc(DataSource dataSource, int deleteBatchSize) {
		return new JdbcLogEntryRepository(dataSource, deleteBatchSize);
	}

}
