package dev.auditlog.spring.slice;

import java.math.BigDecimal;
import java.util.UUID;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.LogEntry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.context.transaction.TestTransaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A user's {@code @DataJpaTest} of a repository of an audited entity, with the starter on
 * the class path: the slice writes the audit log as the application does, entries are
 * written when a transaction commits, so a test's rolled-back transaction leaves none,
 * and a test that wants them commits. Each vendor's subclass names its database.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=create-drop")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
abstract class RepositorySliceScenarios {

	@Autowired
	private InvoiceRepository invoices;

	@Autowired
	private AuditLog auditLog;

	private String rolledBack;

	@Test
	void aRolledBackTestWritesNoEntries() {
		this.rolledBack = "INV-" + UUID.randomUUID();
		this.invoices.saveAndFlush(new Invoice(this.rolledBack, new BigDecimal("12.50")));
		assertThat(TestTransaction.isFlaggedForRollback()).isTrue();
	}

	@AfterTransaction
	void nothingOfTheRolledBackTestIsLogged() {
		if (this.rolledBack != null) {
			assertThat(this.auditLog.query(this.auditLog.forModel(Invoice.class).objectPk(this.rolledBack).build())
				.entries()).isEmpty();
		}
	}

	@Test
	void aTestThatCommitsFindsItsEntries() {
		String number = "INV-" + UUID.randomUUID();
		Invoice invoice = this.invoices.save(new Invoice(number, new BigDecimal("12.50")));
		TestTransaction.flagForCommit();
		TestTransaction.end();

		TestTransaction.start();
		Invoice loaded = this.invoices.findById(number).orElseThrow();
		loaded.setTotal(new BigDecimal("13.00"));
		TestTransaction.flagForCommit();
		TestTransaction.end();

		assertThat(this.auditLog.history(invoice)).extracting(LogEntry::action, LogEntry::changesText)
			.containsExactly(tuple(Action.UPDATE, "total: 12.50 → 13.00"),
					tuple(Action.CREATE, "number: null → " + number + "; total: null → 12.50"));
	}

}
