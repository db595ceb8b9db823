package dev.auditlog.spring.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.auditlog.spring.InvalidAuditDatabaseException;
import dev.auditlog.spring.hibernate.AuditlogEntityManagerFactoryPostProcessor.Registration;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the database of each persistence unit with audited entities at startup, when
 * its {@code EntityManagerFactory} is built: the entries of a unit are written in the
 * unit's own transaction, so into its own database, which must have the audit tables. The
 * tables are created there (with {@code auditlog.schema.migrate}, the default), or must
 * exist; a database the audit log has no tables for, or a model audited by two units,
 * stops startup with {@link InvalidAuditDatabaseException} naming the unit.
 */
final class UnitDatabases {

	private static final Logger logger = LoggerFactory.getLogger(UnitDatabases.class);

	private UnitDatabases() {
	}

	/**
	 * Check and prepare the database of one persistence unit with audited entities.
	 * @param beanName the name of the unit's {@code EntityManagerFactory} bean
	 * @param models the unit's audited models, not empty
	 * @param sessionFactory the unit's session factory
	 * @param dataSource the unit's data source, if known
	 * @param migrated the data sources whose audit tables are migrated already
	 * @param migrate whether to create and upgrade the audit tables
	 * @param others the units registered before
	 * @throws InvalidAuditDatabaseException if the unit's database cannot be served
	 */
	static void prepare(String beanName, AuditedModels models, SessionFactoryImplementor sessionFactory,
			@Nullable DataSource dataSource, Set<DataSource> migrated, boolean migrate, List<Registration> others) {
		String audited = String.join(", ", new TreeSet<>(models.all().stream().map(AuditedModel::entityName).toList()));
		for (Registration other : others) {
			for (AuditedModel model : models.all()) {
				if (other.models().findByModel(model.entityName()) != null) {
					throw new InvalidAuditDatabaseException(
							"Audit model '" + model.entityName()
									+ "' is audited in two persistence units, EntityManagerFactory '" + other.beanName()
									+ "' and '" + beanName + "': its entries would be in two databases under one name",
							"Map the entity in one persistence unit only, or give the two entities different "
									+ "names (@Entity(name = \"...\"))",
							null);
				}
			}
		}
		try {
			databaseOf(sessionFactory, dataSource);
		}
		catch (IllegalStateException | SQLException ex) {
			throw new InvalidAuditDatabaseException(
					"EntityManagerFactory '" + beanName + "' audits " + audited
							+ ", whose entries are written into its own database in its own transaction, but "
							+ ex.getMessage(),
					"Move the audited entities to a unit on PostgreSQL, MariaDB/MySQL or H2, or stop auditing them "
							+ "(remove @Auditable, or list them under auditlog.exclude-models)",
					ex);
		}
		DataSource database = (dataSource != null) ? dataSource : dataSourceOf(sessionFactory);
		if (database == null) {
			logger.warn("The DataSource of EntityManagerFactory '{}' is unknown: the audit tables of its entities ({}) "
					+ "are neither created nor checked there, and its entries are read from the primary data source",
					beanName, audited);
			return;
		}
		if (migrate) {
			if (migrated.add(database)) {
				try {
					new AuditlogSchemaMigration(database).afterPropertiesSet();
				}
				catch (SQLException | RuntimeException ex) {
					throw new InvalidAuditDatabaseException(
							"Could not create or upgrade the audit tables in the "
									+ "database of EntityManagerFactory '" + beanName + "', which audits " + audited
									+ ": " + ex.getMessage(),
							"Make the database reachable with the rights to create tables, or "
									+ "set auditlog.schema.migrate=false and apply the scripts under "
									+ "dev/auditlog/schema/ yourself",
							ex);
				}
				logger.debug("Audit tables of EntityManagerFactory '{}' migrated", beanName);
			}
			return;
		}
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT id FROM auditlog_logentry WHERE 1 = 0");
		}
		catch (SQLException ex) {
			throw new InvalidAuditDatabaseException(
					"EntityManagerFactory '" + beanName + "' audits " + audited
							+ ", but its database has no usable auditlog_logentry table (" + ex.getMessage()
							+ ") and auditlog.schema.migrate is false",
					"Apply the scripts under dev/auditlog/schema/ from the starter's jar to that database, or "
							+ "set auditlog.schema.migrate=true",
					ex);
		}
	}

	/**
	 * Return the database of a persistence unit, for its writer.
	 * @param beanName the name of the unit's {@code EntityManagerFactory} bean
	 * @param sessionFactory the unit's session factory
	 * @param dataSource the unit's data source, if known
	 * @return the database
	 * @throws InvalidAuditDatabaseException if the database cannot be served or detected
	 */
	static AuditDatabase databaseOf(String beanName, SessionFactoryImplementor sessionFactory,
			@Nullable DataSource dataSource) {
		try {
			return databaseOf(sessionFactory, dataSource);
		}
		catch (IllegalStateException | SQLException ex) {
			throw new InvalidAuditDatabaseException(
					"The database of EntityManagerFactory '" + beanName + "' cannot be told: " + ex.getMessage(),
					"Give the unit a DataSource on PostgreSQL, MariaDB/MySQL or H2", ex);
		}
	}

	/**
	 * Return the database of a persistence unit, as {@link AuditDatabase#of(DataSource)}
	 * detects it for its data source (once for all the starter's uses of that data
	 * source), or from the product name Hibernate read from the JDBC metadata when the
	 * data source is unknown.
	 */
	private static AuditDatabase databaseOf(SessionFactoryImplementor sessionFactory, @Nullable DataSource dataSource)
			throws SQLException {
		DataSource database = (dataSource != null) ? dataSource : dataSourceOf(sessionFactory);
		if (database != null) {
			return AuditDatabase.of(database);
		}
		String productName = sessionFactory.getJdbcServices()
			.getJdbcEnvironment()
			.getExtractedDatabaseMetaData()
			.getDatabaseProductName();
		if (productName != null) {
			return AuditDatabase.ofProductName(productName);
		}
		ConnectionProvider provider = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class);
		Connection connection = provider.getConnection();
		try {
			return AuditDatabase.of(connection);
		}
		finally {
			provider.closeConnection(connection);
		}
	}

	/**
	 * Return the data source Hibernate takes its connections from, when it was given one.
	 */
	private static @Nullable DataSource dataSourceOf(SessionFactoryImplementor sessionFactory) {
		try {
			ConnectionProvider provider = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class);
			return (provider != null && provider.isUnwrappableAs(DataSource.class)) ? provider.unwrap(DataSource.class)
					: null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
