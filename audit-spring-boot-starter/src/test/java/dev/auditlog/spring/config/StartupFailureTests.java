package dev.auditlog.spring.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.config.model.Gadget;
import dev.auditlog.spring.config.model.Widget;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that configuration naming something the entities do not have stops a real
 * application at startup, with a message naming the culprit.
 */
class StartupFailureTests {

	private static final String GADGET_CLASS = Gadget.class.getName();

	@Test
	void unknownModelFailsStartup() {
		assertStartupFails("auditlog.models.Prodcut.exclude-fields=x")
			.withMessageContaining("auditlog.models names unknown model 'Prodcut'")
			.withMessageContaining("Widget");
	}

	@Test
	void unknownIncludeFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.include-fields=name,nmae")
			.withMessageContaining("include-fields names unknown field 'nmae'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void unknownExcludeFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.exclude-fields=pirce")
			.withMessageContaining("exclude-fields names unknown field 'pirce'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void unknownNestedExcludeFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.exclude-fields=address.zip")
			.withMessageContaining("exclude-fields names unknown field 'address.zip'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void unknownMaskFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.mask-fields=secrte")
			.withMessageContaining("mask-fields names unknown field 'secrte'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void unknownMappingFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.mapping-fields.colour=Colour")
			.withMessageContaining("mapping-fields names unknown field 'colour'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void unknownSerializeFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.serialize-data=true",
				"auditlog.models.Widget.serialize-fields=weight")
			.withMessageContaining("serialize-fields names unknown field 'weight'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void unknownM2mFieldFailsStartup() {
		assertStartupFails("auditlog.models.Widget.m2m-fields=parts")
			.withMessageContaining("m2m-fields names unknown field 'parts'")
			.withMessageContaining("Widget': ");
	}

	@Test
	void m2mFieldThatIsNoCollectionFailsStartup() {
		assertStartupFails("auditlog.models.Widget.m2m-fields=name")
			.withMessageContaining("m2m-fields names 'name', which is not a collection")
			.withMessageContaining("Widget': ");
	}

	@Test
	void m2mFieldOnTheInverseSideFailsStartup() {
		assertStartupFails("auditlog.models.Tag.m2m-fields=widgets").withMessageContaining("m2m-fields names 'widgets'")
			.withMessageContaining("Tag': ")
			.withMessageContaining("inverse (mappedBy) side");
	}

	@Test
	void unknownFieldOfModelNamedByClassNameFailsStartup() {
		assertStartupFails("auditlog.models.[" + GADGET_CLASS + "].exclude-fields=colour")
			.withMessageContaining("exclude-fields names unknown field 'colour'")
			.withMessageContaining("Gadget': ");
	}

	@Test
	void excludeModelsNamingNothingFailsStartup() {
		assertStartupFails("auditlog.include-all-models=true", "auditlog.exclude-models=Widget,com.example.nowhere")
			.withMessageContaining("auditlog.exclude-models names 'com.example.nowhere'");
	}

	@Test
	void validConfigurationStarts() {
		try (ConfigurableApplicationContext context = start("auditlog.models.Widget.exclude-fields=price,address.city",
				"auditlog.models.Widget.mask-fields=secret", "auditlog.models.Widget.mapping-fields.name=Product name",
				"auditlog.models.Widget.m2m-fields=tags,labels", "auditlog.models.Widget.serialize-data=true",
				"auditlog.models.Widget.serialize-fields=name,address", "auditlog.models.Tag.include-fields=label",
				"auditlog.models.[" + GADGET_CLASS + "].mask-fields=serial")) {
			assertThat(context.isRunning()).isTrue();
			assertThat(context.getBean(AuditlogProperties.class).getModels()).containsOnlyKeys("Widget", "Tag",
					GADGET_CLASS);
		}
	}

	@Test
	void excludeModelsByEntityNameClassNameAndPackageStarts() {
		try (ConfigurableApplicationContext context = start("auditlog.include-all-models=true",
				"auditlog.exclude-models=Tag," + GADGET_CLASS + "," + Widget.class.getPackageName())) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void modelsNamedByEntityNameAndClassNameAreAuditedWithTheirOptions() {
		try (ConfigurableApplicationContext context = start("auditlog.models.Widget.exclude-fields=price",
				"auditlog.models.[" + GADGET_CLASS + "].mask-fields=serial")) {
			EntityManager entityManager = SharedEntityManagerCreator
				.createSharedEntityManager(context.getBean(EntityManagerFactory.class));
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> {
					entityManager.persist(new Widget("bolt", "hush", new BigDecimal("12.50")));
					entityManager.persist(new Gadget("secret12"));
				});
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			List<String> widgetChanges = jdbc.queryForList("select changes from auditlog_logentry where model like ?",
					String.class, "%Widget");
			List<String> gadgetChanges = jdbc.queryForList("select changes from auditlog_logentry where model like ?",
					String.class, "%Gadget");
			assertThat(widgetChanges).singleElement().asString().contains("\"name\"").doesNotContain("price");
			assertThat(gadgetChanges).singleElement().asString().contains("****et12").doesNotContain("secret12");
		}
	}

	@Test
	void restrictingTenantReadsWithoutATenantResolverFailsStartup() {
		assertStartupFails("auditlog.tenant.restrict-reads=true")
			.withMessageContaining("auditlog.tenant.restrict-reads=true needs the current tenant")
			.withMessageContaining("CurrentTenantIdentifierResolver")
			.withMessageContaining("TenantReadRestriction");
	}

	@Test
	void restrictingTenantReadsWithATenantReadRestrictionOfTheApplicationStarts() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApp.class, OwnRestriction.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
					"spring.main.banner-mode=off", "auditlog.tenant.restrict-reads=true")
			.run()) {
			assertThat(context.getBeansOfType(TenantReadRestriction.class)).containsOnlyKeys("ownRestriction");
		}
	}

	private static ThrowableAssertAlternative<?> assertStartupFails(String... properties) {
		return assertThatException().isThrownBy(() -> start(properties).close()).havingRootCause();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(
				List.of("spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
						"spring.main.banner-mode=off"));
		all.addAll(Arrays.asList(properties));
		return new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * The application's own restriction of tenant reads.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class OwnRestriction {

		@org.springframework.context.annotation.Bean
		TenantReadRestriction ownRestriction() {
			return () -> "acme";
		}

	}

	/**
	 * An application whose entities are only those of the model package.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Widget.class)
	static class TestApp {

	}

}
