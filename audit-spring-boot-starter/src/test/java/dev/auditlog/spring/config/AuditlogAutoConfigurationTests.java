package dev.auditlog.spring.config;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import dev.auditlog.core.Masker;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.hibernate.AuditlogHibernateAutoConfiguration;
import dev.auditlog.spring.schema.AuditlogSchemaAutoConfiguration;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of the audit log's auto-configurations.
 */
class AuditlogAutoConfigurationTests {

	// package-private in dev.auditlog.spring.hibernate, so it is found by its bean name
	private static final String POST_PROCESSOR = "auditlogEntityManagerFactoryPostProcessor";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogAutoConfiguration.class,
				AuditlogHibernateAutoConfiguration.class, AuditlogSchemaAutoConfiguration.class));

	@Test
	void providesDefaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(AuditlogProperties.class);
			assertThat(context).hasSingleBean(Masker.class);
			assertThat(context).hasSingleBean(ValueFormatter.class);
			assertThat(context).hasSingleBean(ChangeDetector.class);
			assertThat(context).hasSingleBean(ActorResolver.class);
			assertThat(context).hasBean(POST_PROCESSOR);
			assertThat(context.getBean(POST_PROCESSOR)).isInstanceOf(BeanPostProcessor.class);
		});
	}

	@Test
	void defaultMaskerMasksTheFirstHalf() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(Masker.class).mask("secret12")).isEqualTo("****et12"));
	}

	@Test
	void defaultActorResolverKnowsNoActor() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ActorResolver.class).currentActor()).isNull());
	}

	@Test
	void propertiesHaveContractDefaults() {
		this.contextRunner.run((context) -> {
			AuditlogProperties properties = context.getBean(AuditlogProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.isIncludeAllModels()).isFalse();
			assertThat(properties.isSquash()).isTrue();
			assertThat(properties.getOnError()).isEqualTo(AuditlogProperties.OnError.FAIL);
			assertThat(properties.getSchema().isMigrate()).isTrue();
			assertThat(properties.getModels()).isEmpty();
		});
	}

	@Test
	void bindsModelsByEntityNameAndByBracketedClassName() {
		this.contextRunner
			.withPropertyValues("auditlog.models.Widget.exclude-fields=name,price",
					"auditlog.models.[com.example.shop.Product].mask-fields=secret")
			.run((context) -> {
				AuditlogProperties properties = context.getBean(AuditlogProperties.class);
				assertThat(properties.getModels()).containsOnlyKeys("Widget", "com.example.shop.Product");
				assertThat(properties.getModels().get("Widget").getExcludeFields()).containsExactly("name", "price");
				assertThat(properties.getModels().get("com.example.shop.Product").getMaskFields())
					.containsExactly("secret");
			});
	}

	@Test
	void disabledAuditlogDefinesNoAuditBeans() {
		this.contextRunner.withPropertyValues("auditlog.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AuditlogProperties.class);
			assertThat(context).doesNotHaveBean(Masker.class);
			assertThat(context).doesNotHaveBean(ValueFormatter.class);
			assertThat(context).doesNotHaveBean(ChangeDetector.class);
			assertThat(context).doesNotHaveBean(ActorResolver.class);
			assertThat(context).doesNotHaveBean(POST_PROCESSOR);
		});
	}

	@Test
	void disabledAuditlogDoesNotMigrateTheSchema() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("auditlog.enabled=false", "spring.datasource.generate-unique-name=true")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditlogSchemaMigration.class));
	}

	@Test
	void hibernateListenersBackOffWithoutJpa() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EntityManagerFactory.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(POST_PROCESSOR);
			assertThat(context).hasSingleBean(ChangeDetector.class);
		});
	}

	@Test
	void hibernateListenersBackOffWithoutHibernate() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SessionFactoryImplementor.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(POST_PROCESSOR);
		});
	}

	@Test
	void userMaskerWins() {
		this.contextRunner.withUserConfiguration(UserMaskerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Masker.class);
			assertThat(context.getBean(Masker.class)).isSameAs(UserMaskerConfiguration.MASKER);
			assertThat(context).hasSingleBean(ChangeDetector.class);
		});
	}

	@Test
	void userActorResolverWins() {
		this.contextRunner.withUserConfiguration(UserActorResolverConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorResolver.class);
			assertThat(context.getBean(ActorResolver.class)).isSameAs(UserActorResolverConfiguration.ACTOR_RESOLVER);
			assertThat(context.getBean(ActorResolver.class).currentActor()).isEqualTo("nightly-import");
		});
	}

	@Test
	void userChangeDetectorWins() {
		this.contextRunner.withUserConfiguration(UserChangeDetectorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ChangeDetector.class);
			assertThat(context.getBean(ChangeDetector.class)).isSameAs(UserChangeDetectorConfiguration.CHANGE_DETECTOR);
		});
	}

	@Test
	void userValueFormatterWins() {
		ValueFormatter formatter = new ValueFormatter();
		this.contextRunner.withBean(ValueFormatter.class, () -> formatter).run((context) -> {
			assertThat(context).hasSingleBean(ValueFormatter.class);
			assertThat(context.getBean(ValueFormatter.class)).isSameAs(formatter);
		});
	}

	@Test
	void schemaIsNotMigratedWhenMigrationIsOff() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("auditlog.schema.migrate=false", "spring.datasource.generate-unique-name=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AuditlogSchemaMigration.class);
				assertThat(context).hasSingleBean(ChangeDetector.class);
			});
	}

	@Test
	void schemaIsNotMigratedWithoutDataSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AuditlogSchemaMigration.class);
		});
	}

	@Test
	void schemaIsMigratedWithDataSource() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(AuditlogSchemaMigration.class);
			});
	}

	@Test
	void userSchemaMigrationWins() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true")
			.withUserConfiguration(UserSchemaMigrationConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(AuditlogSchemaMigration.class);
				assertThat(context).hasBean("userSchemaMigration");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMaskerConfiguration {

		static final Masker MASKER = (value) -> "[hidden]";

		@Bean
		Masker userMasker() {
			return MASKER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserActorResolverConfiguration {

		static final ActorResolver ACTOR_RESOLVER = () -> "nightly-import";

		@Bean
		ActorResolver userActorResolver() {
			return ACTOR_RESOLVER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserChangeDetectorConfiguration {

		static final ChangeDetector CHANGE_DETECTOR = new ChangeDetector();

		@Bean
		ChangeDetector userChangeDetector() {
			return CHANGE_DETECTOR;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSchemaMigrationConfiguration {

		@Bean
		AuditlogSchemaMigration userSchemaMigration(DataSource dataSource) {
			return new AuditlogSchemaMigration(dataSource);
		}

	}

}
