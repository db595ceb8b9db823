package dev.auditlog.spring.aot;

import java.util.List;

import dev.auditlog.spring.scenario.Address;
import dev.auditlog.spring.scenario.Product;
import dev.auditlog.spring.scenario.Shipment;
import dev.auditlog.spring.scenario.Status;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.javapoet.ClassName;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The hints the starter contributes when Spring AOT processes an application, found
 * through {@code META-INF/spring/aot.factories} as Spring finds them.
 */
class AuditlogRuntimeHintsTests {

	@Test
	void theSchemaScriptsOfEveryVendorAreResources() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		for (String vendor : List.of("postgresql", "mariadb", "h2")) {
			assertThat(RuntimeHintsPredicates.resource()
				.forResource("dev/auditlog/schema/" + vendor + "/V1__auditlog.sql")).accepts(hints);
		}
	}

	@Test
	void entitiesTheirEmbeddablesKeysAndEnumsAreReadableByReflection() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("persistenceManagedTypes",
				PersistenceManagedTypes.of(List.of(Product.class.getName(), Shipment.class.getName()), List.of()));
		RuntimeHints hints = process(beanFactory);
		for (Class<?> type : List.of(Product.class, Address.class, Status.class, Shipment.class, Shipment.Key.class)) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.ACCESS_DECLARED_FIELDS,
						MemberCategory.INTROSPECT_DECLARED_METHODS))
				.as(type.getName())
				.accepts(hints);
		}
	}

	@Test
	void anApplicationWithoutEntitiesGetsNoHints() {
		assertThat(new AuditedTypesAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
	}

	private static RuntimeHints process(DefaultListableBeanFactory beanFactory) {
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		for (BeanFactoryInitializationAotProcessor processor : AotServices.factoriesAndBeans(beanFactory)
			.load(BeanFactoryInitializationAotProcessor.class)) {
			if (processor instanceof AuditedTypesAotProcessor) {
				BeanFactoryInitializationAotContribution contribution = processor.processAheadOfTime(beanFactory);
				assertThat(contribution).isNotNull();
				contribution.applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
				return generationContext.getRuntimeHints();
			}
		}
		throw new AssertionError("AuditedTypesAotProcessor is not listed in META-INF/spring/aot.factories");
	}

}
