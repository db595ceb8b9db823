package dev.auditlog.spring.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.auditlog.core.Action;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.AdditionalDataProvider;
import dev.auditlog.spring.hibernate.AuditEntryWriter;
import dev.auditlog.spring.hibernate.JdbcAuditEntryWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big transactions stay bounded ({@code auditlog.write-chunk-size}): a flush that finds
 * that many pending entries writes them inside the transaction; an object already written
 * gets later entries of its own; statements of multi-megabyte values are split under the
 * packet limit. The application's {@link AuditEntryWriter} replaces the starter's (here
 * one that counts the batches and delegates). Run on each database by a subclass.
 */
@SpringBootTest(classes = { ScenarioApplication.class, ChunkedWriteScenarios.ApplicationBeans.class },
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.write-chunk-size=10", "auditlog.max-value-length=2000000" })
abstract class ChunkedWriteScenarios extends ScenarioTestBase {

	@Autowired
	Batches batches;

	@BeforeEach
	void noBatches() {
		this.batches.sizes.clear();
		this.batches.blob = null;
	}

	@Test
	void belowTheChunkSizeATransactionIsOneBatchAtItsCommitWithoutReading() {
		inTransaction((em) -> {
			for (int i = 0; i < 9; i++) {
				persist(new Product("S-" + i, "Small " + i, BigDecimal.ONE));
				if (i % 3 == 2) {
					em.flush();
					em.clear();
				}
			}
			this.statements.reset();
			return null;
		});
		assertThat(this.batches.sizes).containsExactly(9);
		assertThat(this.statements.count("select")).as("SELECTs while committing: %s", this.statements.executed)
			.isZero();
		assertThat(rows()).hasSize(9);
	}

	@Test
	void manyChangesFlushedOnlyAtTheCommitAreOneBatchWithoutReading() {
		inTransaction((em) -> {
			for (int i = 0; i < 60; i++) {
				persist(new Product("U-" + i, "Before " + i, BigDecimal.ONE));
			}
			return null;
		});
		this.batches.sizes.clear();
		inTransaction((em) -> {
			List<Product> products = em.createQuery("from Product", Product.class).getResultList();
			this.statements.reset();
			products.forEach((product) -> product.setName(product.getName() + "!"));
			return null;
		});
		// one batch of 60 (a COPY on PostgreSQL): the commit's flush finds them all
		assertThat(this.batches.sizes).containsExactly(60);
		assertThat(this.statements.count("select")).as("SELECTs while committing: %s", this.statements.executed)
			.isZero();
		assertThat(rows()).filteredOn((row) -> row.action() == Action.UPDATE).hasSize(60);
	}

	@Test
	void aFlushPastTheChunkSizeWritesThePendingEntriesInsideTheTransaction() {
		inTransaction((em) -> {
			for (int i = 0; i < 25; i++) {
				persist(new Product("B-" + i, "Batch " + i, BigDecimal.ONE));
				if (i % 5 == 4) {
					em.flush();
					em.clear();
				}
			}
			return null;
		});
		assertThat(this.batches.sizes).containsExactly(10, 10, 5);
		assertThat(rows()).hasSize(25).allSatisfy((row) -> assertThat(row.action()).isEqualTo(Action.CREATE));
	}

	@Test
	void aRollbackAfterAChunkWasWrittenLeavesNoEntry() {
		try {
			inTransaction((em) -> {
				for (int i = 0; i < 12; i++) {
					persist(new Product("R-" + i, "Rolled back " + i, BigDecimal.ONE));
				}
				em.flush();
				throw new IllegalStateException("roll back");
			});
		}
		catch (IllegalStateException expected) {
			// the transaction rolled back
		}
		assertThat(this.batches.sizes).containsExactly(12);
		assertThat(rows()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM product", Integer.class)).isZero();
	}

	@Test
	void anObjectWrittenInAnEarlierChunkGetsALaterEntryOfItsOwn() {
		inTransaction((em) -> {
			Product first = persist(new Product("O-0", "First", BigDecimal.ONE));
			for (int i = 1; i < 10; i++) {
				persist(new Product("O-" + i, "Other " + i, BigDecimal.ONE));
			}
			em.flush();
			first.setName("First, renamed");
			return null;
		});
		assertThat(this.batches.sizes).containsExactly(10, 1);
		assertThat(rows()).hasSize(11);
		Row last = rows().get(10);
		assertThat(last.action()).isEqualTo(Action.UPDATE);
		assertThat(last.changes()).containsEntry("name", new ValueChange("First", "First, renamed"));
	}

	@Test
	void entriesOfMoreThanThePacketLimitInAllAreWrittenInStatementsUnderIt() {
		// each entry is fitted to at most 1,000,000 characters in all (StorableValues),
		// here
		// about 110,000 three-byte characters in its additional data: 60 of them are
		// about
		// 20 MB, more than MariaDB's default max_allowed_packet of 16 MiB in one
		// statement
		this.batches.blob = "\u20ac".repeat(1_500_000);
		inTransaction((em) -> {
			for (int i = 0; i < 60; i++) {
				persist(new Product("L-" + i, "Large " + i, BigDecimal.ONE));
			}
			return null;
		});
		assertThat(this.batches.sizes).containsExactly(60);
		assertThat(rows()).hasSize(60)
			.allSatisfy((row) -> assertThat(row.additionalData()).contains("\u20ac".repeat(50_000)));
	}

	static final class Batches {

		final List<Integer> sizes = new CopyOnWriteArrayList<>();

		volatile String blob;

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationBeans {

		@Bean
		Batches batches() {
			return new Batches();
		}

		@Bean
		AuditEntryWriter countingWriter(Batches batches) {
			AuditEntryWriter starter = new JdbcAuditEntryWriter(false);
			return (connection, database, entries) -> {
				batches.sizes.add(entries.size());
				starter.write(connection, database, entries);
			};
		}

		@Bean
		AdditionalDataProvider blob(Batches batches) {
			return (entity, action) -> (batches.blob != null) ? Map.of("blob", batches.blob) : null;
		}

	}

}
