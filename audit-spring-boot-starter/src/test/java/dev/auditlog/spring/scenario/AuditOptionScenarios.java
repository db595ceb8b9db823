package dev.auditlog.spring.scenario;

import java.math.BigDecimal;
import java.util.Map;

import dev.auditlog.core.Action;
import dev.auditlog.core.Masker;
import dev.auditlog.core.ValueChange;
import dev.auditlog.event.PostLogEvent;
import dev.auditlog.spring.AdditionalDataProvider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options that change how entries are written, and the beans an application may
 * replace or add, run on each database by a subclass.
 */
@SpringBootTest(classes = { ScenarioApplication.class, AuditOptionScenarios.ApplicationBeans.class },
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.squash=false", "auditlog.on-error=log" })
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
abstract class AuditOptionScenarios extends ScenarioTestBase {

	@Test
	void withoutSquashingEachFlushWritesItsOwnEntry() {
		Product product = inTransaction((em) -> {
			Product tea = persist(new Product("T-1", "Tea", BigDecimal.ONE));
			em.flush();
			tea.setName("Green tea");
			em.flush();
			tea.setName("White tea");
			return tea;
		});
		assertThat(rows()).extracting((row) -> row.action())
			.containsExactly(Action.CREATE, Action.UPDATE, Action.UPDATE);
		assertThat(rows().get(2).changes()).containsEntry("name", new ValueChange("Green tea", "White tea"));
		assertThat(product.getId()).isNotNull();
	}

	@Test
	void failedWriteIsLoggedAndTheChangeCommitsWithoutItsEntry(CapturedOutput output) {
		this.jdbc
			.execute("ALTER TABLE auditlog_logentry ADD CONSTRAINT refuse_boom CHECK (object_repr <> 'Product BOOM')");
		try {
			inTransaction((em) -> persist(new Product("BOOM", "Tea", BigDecimal.ONE)));
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product", Integer.class)).isOne();
			assertThat(rows()).isEmpty();
			assertThat(this.events.after).singleElement()
				.satisfies((PostLogEvent event) -> assertThat(event.error()).isNotNull());
			assertThat(output.getAll()).contains("Could not write 1 audit log entries");
			inTransaction((em) -> persist(new Product("T-2", "Tea", BigDecimal.ONE)));
			assertThat(rows()).extracting((row) -> row.objectRepr()).containsExactly("Product T-2");
		}
		finally {
			this.jdbc.execute("ALTER TABLE auditlog_logentry DROP CONSTRAINT refuse_boom");
		}
	}

	@Test
	void applicationMaskerReplacesTheDefaultRule() {
		inTransaction((em) -> {
			Product tea = new Product("T-1", "Tea", BigDecimal.ONE);
			tea.setSupplierCost(new BigDecimal("987654.32"));
			return persist(tea);
		});
		assertThat(onlyRow("Product").changes()).containsEntry("supplierCost", new ValueChange(null, "[hidden]"));
	}

	@Test
	void additionalDataProvidersAddToWhatTheEntityContributes() {
		inTransaction((em) -> persist(new Category("Drinks")));
		assertThat(json.readValue(onlyRow("Category").additionalData(), Map.class)).containsEntry("nameLength", 6)
			.containsEntry("tenant", "acme");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ApplicationBeans {

		@Bean
		Masker hidingMasker() {
			return (value) -> "[hidden]";
		}

		@Bean
		AdditionalDataProvider tenantData() {
			return (entity, action) -> Map.of("tenant", "acme");
		}

	}

}
