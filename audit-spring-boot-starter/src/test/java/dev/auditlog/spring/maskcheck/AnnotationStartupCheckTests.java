package dev.auditlog.spring.maskcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.auditlog.core.Masker;
import dev.auditlog.spring.masking.Payment;
import dev.auditlog.spring.maskcheck.valid.Lock;
import dev.auditlog.spring.maskcheck.valid.Token;
import dev.auditlog.spring.maskcheck.valid.Vault;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that a field annotation that cannot take effect, and an option naming a path that
 * does not exist, stop a real application at startup with a message naming the culprit
 * and why; and that annotations written in each way that takes effect start and mask.
 */
class AnnotationStartupCheckTests {

	@Test
	void maskOnATransientFieldFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.transientfield.Account.class)
			.withMessage("Audit model 'Account': @AuditMask on Account.pin cannot take effect: it is transient, not a "
					+ "persistent attribute (persistent attributes of Account: id, name)");
	}

	@Test
	void javaValueOnAnAttributeWithoutConverterFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.javavalue.Account.class)
			.withMessage("Audit model 'Account': @AuditJavaValue on 'name' cannot take effect: the attribute has no "
					+ "AttributeConverter, so its Java value is what is logged already");
	}

	@Test
	void maskOnAStaticFieldFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.staticfield.Account.class)
			.withMessageStartingWith("Audit model 'Account': @AuditMask on Account.defaultPin cannot take effect: it "
					+ "is static, and so no persistent attribute");
	}

	@Test
	void ignoreOnASetterFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.notagetter.Account.class)
			.withMessageStartingWith("Audit model 'Account': @AuditIgnore on Account.setName() cannot take effect: it "
					+ "is a method that is neither a getter nor a record accessor; annotate the field or its getter");
	}

	@Test
	void maskOnAGetterWithoutPersistentPropertyFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.nopersistentproperty.Account.class)
			.withMessageStartingWith("Audit model 'Account': @AuditMask on Account.getDisplayName() cannot take "
					+ "effect: no persistent attribute is named 'displayName'");
	}

	@Test
	void ignoreOnATransientFieldOfAnEmbeddableFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.transientinembeddable.Account.class)
			.withMessage("Audit model 'Account': @AuditIgnore on Wallet.cache cannot take effect: it is transient, "
					+ "not a persistent attribute (persistent attributes of Wallet at 'wallet': owner)");
	}

	@Test
	void maskOnATransientFieldOfAnElementFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.transientinelement.Account.class)
			.withMessage("Audit model 'Account': @AuditMask on Key.secret cannot take effect: it is transient, not a "
					+ "persistent attribute (persistent attributes of Key at 'keys': label)");
	}

	@Test
	void maskOnTheIdentifierFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.identifier.Account.class)
			.withMessageStartingWith("Audit model 'Account': @AuditMask on Account.iban cannot take effect: it is the "
					+ "identifier, which every entry names in clear in object_pk");
	}

	@Test
	void ignoreOnAPartOfAnEmbeddedIdentifierFailsStartup() {
		assertStartupFails(dev.auditlog.spring.maskcheck.embeddedid.Account.class)
			.withMessageStartingWith("Audit model 'Account': @AuditIgnore on AccountKey.number cannot take effect: it "
					+ "is part of the identifier");
	}

	@Test
	void unknownFieldOfTheElementsFailsStartup() {
		assertStartupFails(Payment.class, "auditlog.models.Payment.mask-fields=formerCards.nubmer")
			.withMessageStartingWith(
					"Audit model 'Payment': mask-fields names unknown field 'formerCards.nubmer' (known fields: ")
			.withMessageContaining("formerCards.number")
			.withMessageContaining("metadata.<path>");
	}

	@Test
	void pathUnderAFieldThatIsNoDocumentFailsStartup() {
		assertStartupFails(Payment.class, "auditlog.models.Payment.exclude-fields=reference.secret")
			.withMessageStartingWith("Audit model 'Payment': exclude-fields names unknown field 'reference.secret'");
	}

	@Test
	void includeFieldsNamingAPathInsideADocumentFailsStartup() {
		assertStartupFails(Payment.class, "auditlog.models.Payment.include-fields=metadata.color")
			.withMessageStartingWith("Audit model 'Payment': include-fields names 'metadata.color', a path inside the "
					+ "JSON document 'metadata'");
	}

	@Test
	void pathsInsideElementsAndDocumentsStart() {
		try (ConfigurableApplicationContext context = start(Payment.class,
				"auditlog.models.Payment.mask-fields=formerCards.number,formerCards.billing,metadata.a.b.c,settings.apiKey",
				"auditlog.models.Payment.exclude-fields=formerCards.billing.city,metadata.internal,card.billing")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void annotationsOnRecordComponentsAndGettersOfEmbeddablesTakeEffect() {
		try (ConfigurableApplicationContext context = start(Vault.class)) {
			EntityManager entityManager = SharedEntityManagerCreator
				.createSharedEntityManager(context.getBean(EntityManagerFactory.class));
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> entityManager.persist(new Vault(new Token("acme", "tok_12345678"),
						new Lock("31-07-2025", "Padlock", "master-key-42"))));
			String changes = context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT changes FROM auditlog_logentry", String.class);
			Masker masker = Masker.firstHalf();
			assertThat(changes).contains("\"token.secret\":[null,\"" + masker.mask("tok_12345678") + "\"]")
				.contains("\"lock.combination\":[null,\"" + masker.mask("31-07-2025") + "\"]")
				.contains("\"token.issuer\":[null,\"acme\"]")
				.doesNotContain("tok_12345678", "31-07-2025\"", "master-key-42", "lock.masterKey");
		}
	}

	private static ThrowableAssertAlternative<?> assertStartupFails(Class<?> entity, String... properties) {
		return assertThatException().isThrownBy(() -> start(entity, properties).close()).havingRootCause();
	}

	private static ConfigurableApplicationContext start(Class<?> entity, String... properties) {
		List<String> all = new ArrayList<>(
				List.of("spring.datasource.url=jdbc:h2:mem:annotations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
						"spring.jpa.hibernate.ddl-auto=create-drop", "spring.main.banner-mode=off"));
		all.addAll(Arrays.asList(properties));
		return new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE)
			.initializers(
					(context) -> EntityScanPackages.register((BeanDefinitionRegistry) context, entity.getPackageName()))
			.properties(all.toArray(String[]::new))
			.run();
	}

	/**
	 * An application whose entities are those of one package, registered by each test.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApp {

	}

}
