package dev.auditlog.spring.completion;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.testing.ExecutedStatements;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a transaction with audited changes ends — rolled back without a warning in the log,
 * failed with a translated exception when the audit write is refused, committed with the
 * changes flushed at commit — and what reading the entries of no objects returns. Run on
 * each database by one small subclass.
 */
@SpringBootTest(classes = CompletionApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.datasource.hikari.maximum-pool-size=4" })
@ExtendWith(OutputCaptureExtension.class)
abstract class CompletionScenarios {

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ExecutedStatements statements;

	@BeforeEach
	void startEmpty() {
		this.jdbc.update("DELETE FROM purchase_line");
		this.jdbc.update("DELETE FROM purchase_order");
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.statements.reset();
	}

	@Test
	void rolledBackTransactionsWithFlushedChangesLogNoWarning(CapturedOutput output) {
		long orderId = create("PO-1");
		Map<String, Consumer<EntityManager>> changes = Map.of("insert", (em) -> em.persist(new PurchaseOrder("PO-new")),
				"update", (em) -> em.find(PurchaseOrder.class, orderId).setReference("PO-changed"), "delete",
				(em) -> em.remove(em.find(PurchaseOrder.class, orderId)), "line insert",
				(em) -> em.persist(new PurchaseLine(em.find(PurchaseOrder.class, orderId), "tea")), "manual entry",
				(em) -> this.auditLog.log(em.find(PurchaseOrder.class, orderId), Action.UPDATE,
						Changes.of(Map.of("reference", new ValueChange("PO-1", "PO-manual"))), null),
				"bulk entry", (em) -> this.auditLog.logBulkUpdate(PurchaseOrder.class, List.of(orderId),
						Map.of("reference", new ValueChange("PO-1", "PO-bulk"))));
		int entries = entries().size();
		changes.forEach((kind, change) -> {
			String byRollbackOnly = during(output, () -> this.transaction.executeWithoutResult((status) -> {
				change.accept(this.entityManager);
				this.entityManager.flush();
				status.setRollbackOnly();
			}));
			assertThat(warnings(byRollbackOnly)).as("%s rolled back by setRollbackOnly", kind).isEmpty();
			String byException = during(output,
					() -> assertThatException().isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
						change.accept(this.entityManager);
						this.entityManager.flush();
						throw new IllegalStateException("rolled back on purpose");
					})));
			assertThat(warnings(byException)).as("%s rolled back by an exception", kind).isEmpty();
			assertThat(entries()).as("entries after the rolled back %s", kind).hasSize(entries);
		});
	}

	@Test
	void rolledBackChangesOfASessionAreNotWrittenByItsNextCommit(CapturedOutput output) {
		long orderId = create("PO-1");
		// one EntityManager for several transactions, as open-in-view keeps one per
		// request
		EntityManager shared = this.entityManagerFactory.createEntityManager();
		TransactionSynchronizationManager.bindResource(this.entityManagerFactory, new EntityManagerHolder(shared));
		String log;
		try {
			log = during(output, () -> {
				this.transaction.executeWithoutResult((status) -> {
					shared.find(PurchaseOrder.class, orderId).setReference("PO-rolled-back");
					shared.persist(new PurchaseOrder("PO-never"));
					shared.flush();
					status.setRollbackOnly();
				});
				this.transaction.executeWithoutResult((status) -> shared.persist(new PurchaseOrder("PO-2")));
				this.transaction
					.executeWithoutResult((status) -> shared.find(PurchaseOrder.class, orderId).setReference("PO-1b"));
			});
		}
		finally {
			TransactionSynchronizationManager.unbindResource(this.entityManagerFactory);
		}
		log += during(output, shared::close);
		assertThat(warnings(log)).isEmpty();
		assertThat(entries()).extracting((row) -> row.get("object_repr"))
			.containsExactly("Order PO-1", "Order PO-2", "Order PO-1b");
		assertThat(entries().get(2).get("changes").toString()).contains("PO-1b").doesNotContain("PO-rolled-back");
	}

	@Test
	void refusedAuditWriteFailsTheTransactionWithSpringsTranslation() {
		this.jdbc.execute("ALTER TABLE auditlog_logentry ADD CONSTRAINT refuse_po_boom CHECK "
				+ "(object_repr <> 'Order PO-BOOM')");
		try {
			assertThatExceptionOfType(DataIntegrityViolationException.class)
				.isThrownBy(() -> this.transaction
					.executeWithoutResult((status) -> this.entityManager.persist(new PurchaseOrder("PO-BOOM"))))
				.withMessageContaining("Could not write 1 audit log entries");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM purchase_order", Integer.class)).isZero();
			assertThat(entries()).isEmpty();
			create("PO-after");
			assertThat(entries()).extracting((row) -> row.get("object_repr")).containsExactly("Order PO-after");
		}
		finally {
			this.jdbc.execute("ALTER TABLE auditlog_logentry DROP CONSTRAINT refuse_po_boom");
		}
	}

	@Test
	void changesFlushedAtCommitAreInTheEntries() {
		long orderId = this.transaction.execute((status) -> {
			PurchaseOrder order = new PurchaseOrder("PO-draft");
			this.entityManager.persist(order);
			this.entityManager.flush();
			order.setReference("PO-final");
			return order.getId();
		});
		this.transaction.executeWithoutResult((status) -> {
			PurchaseOrder order = this.entityManager.find(PurchaseOrder.class, orderId);
			order.setReference("PO-step");
			this.entityManager.flush();
			order.setReference("PO-last");
			this.auditLog.logAccess(order);
		});
		List<Map<String, Object>> rows = entries();
		assertThat(rows).extracting((row) -> ((Number) row.get("action")).intValue()).containsExactly(0, 1, 3);
		assertThat(rows.get(0).get("changes").toString()).contains("PO-final").doesNotContain("PO-draft");
		assertThat(rows.get(1).get("changes").toString()).contains("PO-final", "PO-last").doesNotContain("PO-step");
	}

	@Test
	void entriesOfNoObjectsAreNoneAndCostNoQuery() {
		long orderId = create("PO-1");
		PurchaseOrder order = this.transaction.execute((status) -> {
			PurchaseOrder found = this.entityManager.find(PurchaseOrder.class, orderId);
			found.getLines().size();
			return found;
		});
		assertThat(order.getLines()).isEmpty();
		this.statements.reset();
		LogEntryQuery none = this.auditLog.forObjects(order.getLines()).build();
		assertThat(none.matchesNothing()).isTrue();
		assertThat(this.auditLog.query(none)).isEqualTo(new LogEntryPage(List.of(), null));
		assertThat(this.auditLog.query(this.auditLog.forObjects(List.of()).limit(1).before(1L).build()).entries())
			.isEmpty();
		assertThat(this.auditLog.query(none.toBuilder().model("PurchaseOrder").actions(Action.CREATE).build()))
			.isEqualTo(new LogEntryPage(List.of(), null));
		assertThat(this.statements.reading("auditlog_logentry")).isEmpty();
		List<LogEntry> ofTheOrder = this.auditLog.query(this.auditLog.forObjects(List.of(order)).build()).entries();
		assertThat(ofTheOrder).extracting(LogEntry::objectRepr).containsExactly("Order PO-1");
		assertThat(this.statements.reading("auditlog_logentry")).hasSize(1);
	}

	@Test
	void entriesOfThousandsOfObjectsAreFoundInOneQuery() {
		long orderId = create("PO-big");
		this.transaction.executeWithoutResult((status) -> {
			PurchaseOrder order = this.entityManager.find(PurchaseOrder.class, orderId);
			for (int i = 0; i < 1500; i++) {
				this.entityManager.persist(new PurchaseLine(order, "item " + i));
			}
		});
		PurchaseOrder order = this.transaction.execute((status) -> {
			PurchaseOrder found = this.entityManager.find(PurchaseOrder.class, orderId);
			found.getLines().size();
			return found;
		});
		this.statements.reset();
		LogEntryPage page = this.auditLog
			.query(this.auditLog.forObjects(order.getLines()).limit(LogEntryQuery.MAX_LIMIT).build());
		assertThat(page.entries()).hasSize(LogEntryQuery.MAX_LIMIT)
			.allMatch((entry) -> entry.action() == Action.CREATE);
		assertThat(page.next()).isNotNull();
		assertThat(this.statements.reading("auditlog_logentry")).hasSize(1);
	}

	@Test
	void entriesOfObjectsAddedToAnEmptySelectionAreFound() {
		long first = create("PO-1");
		create("PO-2");
		LogEntryQuery one = LogEntryQuery.builder()
			.objectPks(List.of())
			.objectPk(Long.toString(first))
			.model("PurchaseOrder")
			.build();
		assertThat(this.auditLog.query(one).entries()).extracting(LogEntry::objectRepr).containsExactly("Order PO-1");
		assertThat(this.auditLog.query(LogEntryQuery.builder().model("PurchaseOrder").build()).entries()).hasSize(2);
	}

	private long create(String reference) {
		return this.transaction.execute((status) -> {
			PurchaseOrder order = new PurchaseOrder(reference);
			this.entityManager.persist(order);
			return order.getId();
		});
	}

	private List<Map<String, Object>> entries() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			return this.jdbc.query("SELECT action, object_repr, changes FROM auditlog_logentry ORDER BY id",
					(rs, row) -> Map.of("action", rs.getInt("action"), "object_repr", rs.getString("object_repr"),
							"changes", rs.getString("changes")));
		}
	}

	private static String during(CapturedOutput output, Runnable work) {
		int start = output.getAll().length();
		work.run();
		return output.getAll().substring(start);
	}

	private static List<String> warnings(String log) {
		return Arrays.stream(log.split("\\R"))
			.filter((line) -> line.matches(".*\\b(WARN|ERROR)\\b.*") || line.contains("HHH90010101"))
			.toList();
	}

}
