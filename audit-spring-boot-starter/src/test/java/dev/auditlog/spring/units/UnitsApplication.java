package dev.auditlog.spring.units;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * An application with two databases, as real ones have them: two data sources (the
 * primary one marked {@code @Primary}), two
 * {@link LocalContainerEntityManagerFactoryBean}s and two {@link JpaTransactionManager}s,
 * an audited {@code Booking} in the primary unit and an audited {@code LegacyCustomer} in
 * the legacy one. The databases are named by {@code units.primary.*} and
 * {@code units.legacy.*} ({@code url}, {@code username}, {@code password}, and the
 * {@code packages} of the unit's entities).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class UnitsApplication {

	@Bean
	@Primary
	DataSource primaryDataSource(Environment environment) {
		return dataSource(environment, "primary");
	}

	@Bean
	DataSource legacyDataSource(Environment environment) {
		return dataSource(environment, "legacy");
	}

	@Bean
	@Primary
	LocalContainerEntityManagerFactoryBean entityManagerFactory(@Qualifier("primaryDataSource") DataSource dataSource,
			Environment environment) {
		return entityManagerFactory("primary", dataSource, packages(environment, "primary"));
	}

	@Bean
	LocalContainerEntityManagerFactoryBean legacyEntityManagerFactory(
			@Qualifier("legacyDataSource") DataSource dataSource, Environment environment) {
		return entityManagerFactory("legacy", dataSource, packages(environment, "legacy"));
	}

	@Bean
	@Primary
	JpaTransactionManager transactionManager(
			@Qualifier("entityManagerFactory") EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	@Bean
	JpaTransactionManager legacyTransactionManager(
			@Qualifier("legacyEntityManagerFactory") EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	private static DataSource dataSource(Environment environment, String unit) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName(unit);
		dataSource.setJdbcUrl(environment.getRequiredProperty("units." + unit + ".url"));
		dataSource.setUsername(environment.getProperty("units." + unit + ".username"));
		dataSource.setPassword(environment.getProperty("units." + unit + ".password"));
		dataSource.setMaximumPoolSize(4);
		dataSource.setMinimumIdle(1);
		return dataSource;
	}

	private static String[] packages(Environment environment, String unit) {
		return environment.getProperty("units." + unit + ".packages", "dev.auditlog.spring.units." + unit).split(",");
	}

	private static LocalContainerEntityManagerFactoryBean entityManagerFactory(String unit, DataSource dataSource,
			String... packages) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setPersistenceUnitName(unit);
		factory.setDataSource(dataSource);
		factory.setPackagesToScan(packages);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create-drop"));
		return factory;
	}

}
