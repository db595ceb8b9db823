package dev.auditlog.spring.schema;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and upgrades the audit tables with a Flyway of their own, whose history table
 * is {@value #HISTORY_TABLE}, so that it never collides with the application's
 * migrations. The scripts are in the jar under {@code dev/auditlog/schema/<vendor>} for
 * teams that apply DDL themselves.
 *
 * @since 0.1.0
 */
public class AuditlogSchemaMigration implements InitializingBean {

	/** The name of the audit log's Flyway history table. */
	public static final String HISTORY_TABLE = "auditlog_schema_history";

	private static final Logger logger = LoggerFactory.getLogger(AuditlogSchemaMigration.class);

	private final DataSource dataSource;

	/**
	 * Create a migration of the audit tables in the given database.
	 * @param dataSource the database
	 */
	public AuditlogSchemaMigration(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Return the database whose audit tables this migration creates and upgrades.
	 * @return the data source
	 */
	public DataSource getDataSource() {
		return this.dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		String vendor = AuditDatabase.of(this.dataSource).migrations();
		MigrateResult result = Flyway.configure(getClass().getClassLoader())
			.dataSource(this.dataSource)
			.table(HISTORY_TABLE)
			.locations("classpath:dev/auditlog/schema/" + vendor)
			// the schema usually holds the application's tables already
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		logger.debug("Audit log schema ({}) at version {}, {} migration(s) applied", vendor, result.targetSchemaVersion,
				result.migrationsExecuted);
	}

}
