package dev.auditlog.spring.observe;

import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.events.AuditEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleSpanInScope;
import io.micrometer.tracing.test.simple.SimpleTracer;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each transaction's audit write is observed as {@code auditlog.write} (tagged with the
 * database and the outcome), and the entries written, vetoed and dropped are counted by
 * action, after real writes read back with plain SQL; so are system events, by type; and
 * a request without a correlation id has the current trace id as its cid. Run on each
 * database by a subclass.
 */
@SpringBootTest(classes = ObserveApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.on-error=log" })
@AutoConfigureMockMvc
abstract class ObservabilityScenarios {

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestObservationRegistry observations;

	@Autowired
	AuditEventStore eventStore;

	@Autowired
	SimpleTracer tracer;

	@Autowired
	MockMvc mvc;

	/**
	 * Return the name of the database as the observation tags it.
	 */
	abstract String vendor();

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			this.jdbc.update("DELETE FROM observe_parcel");
			this.jdbc.update("DELETE FROM auditlog_logentry");
		}
		this.observations.clear();
	}

	@Test
	void writtenEntriesAreCountedByActionAndEachTransactionsWriteIsObserved() {
		double created = count("auditlog.entries.written", "create");
		double updated = count("auditlog.entries.written", "update");
		double deleted = count("auditlog.entries.written", "delete");
		long timed = timed("success");
		this.transaction.executeWithoutResult((status) -> {
			this.entityManager.persist(new Parcel("P-1", "Lyon"));
			this.entityManager.persist(new Parcel("P-2", "Oslo"));
		});
		this.transaction.executeWithoutResult((status) -> {
			this.entityManager.find(Parcel.class, "P-1").setDestination("Porto");
			this.entityManager.remove(this.entityManager.find(Parcel.class, "P-2"));
		});
		assertThat(this.jdbc.queryForList("SELECT action FROM auditlog_logentry ORDER BY id", Integer.class))
			.containsExactly(0, 0, 1, 2);
		assertThat(count("auditlog.entries.written", "create")).isEqualTo(created + 2);
		assertThat(count("auditlog.entries.written", "update")).isEqualTo(updated + 1);
		assertThat(count("auditlog.entries.written", "delete")).isEqualTo(deleted + 1);
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo("auditlog.write", 2)
			.forAllObservationsWithNameEqualTo("auditlog.write",
					(observation) -> observation.hasLowCardinalityKeyValue("database", vendor())
						.hasLowCardinalityKeyValue("outcome", "success")
						.hasHighCardinalityKeyValue("entries", "2")
						.doesNotHaveError());
		assertThat(timed("success")).isEqualTo(timed + 2);
	}

	@Test
	void vetoedEntriesAreCountedAndNotWritten() {
		double vetoed = count("auditlog.entries.vetoed", "create");
		double created = count("auditlog.entries.written", "create");
		this.transaction.executeWithoutResult((status) -> {
			this.entityManager.persist(new Parcel("VETO-1", "Lyon"));
			this.entityManager.persist(new Parcel("P-3", "Oslo"));
		});
		assertThat(this.jdbc.queryForList("SELECT object_pk FROM auditlog_logentry", String.class))
			.containsExactly("P-3");
		assertThat(count("auditlog.entries.vetoed", "create")).isEqualTo(vetoed + 1);
		assertThat(count("auditlog.entries.written", "create")).isEqualTo(created + 1);
		assertThat(this.observations).hasSingleObservationThat()
			.hasNameEqualTo("auditlog.write")
			.hasHighCardinalityKeyValue("entries", "1");
	}

	@Test
	void aRefusedWriteIsObservedAsAnErrorAndItsEntriesCountedAsDropped() {
		this.jdbc.execute("ALTER TABLE auditlog_logentry ADD CONSTRAINT observe_refuse CHECK (object_pk <> 'BOOM')");
		try {
			double dropped = count("auditlog.entries.dropped", "create");
			double created = count("auditlog.entries.written", "create");
			long failed = timed("error");
			this.transaction.executeWithoutResult((status) -> {
				this.entityManager.persist(new Parcel("BOOM", "Lyon"));
				this.entityManager.persist(new Parcel("P-4", "Oslo"));
			});
			assertThat(this.jdbc.queryForList("SELECT code FROM observe_parcel ORDER BY code", String.class))
				.containsExactly("BOOM", "P-4");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isZero();
			assertThat(count("auditlog.entries.dropped", "create")).isEqualTo(dropped + 2);
			assertThat(count("auditlog.entries.written", "create")).isEqualTo(created);
			assertThat(this.observations).hasSingleObservationThat()
				.hasNameEqualTo("auditlog.write")
				.hasLowCardinalityKeyValue("database", vendor())
				.hasLowCardinalityKeyValue("outcome", "error")
				.hasError();
			assertThat(timed("error")).isEqualTo(failed + 1);
		}
		finally {
			this.jdbc.execute("ALTER TABLE auditlog_logentry DROP CONSTRAINT observe_refuse");
		}
	}

	@Test
	void systemEventsAreCountedByTypeWrittenOrFailed() {
		this.jdbc.execute("ALTER TABLE auditlog_event ADD CONSTRAINT observe_refuse_event CHECK (type <> 'REFUSED')");
		try {
			double written = events("auditlog.events.written", "DATA_EXPORT");
			double failed = events("auditlog.events.failed", "REFUSED");
			this.jdbc.update("DELETE FROM auditlog_event");
			this.eventStore.record("alice", "DATA_EXPORT", Map.of("rows", 3));
			assertThatException().isThrownBy(() -> this.eventStore.record("alice", "REFUSED", Map.of()));
			assertThat(this.jdbc.queryForList("SELECT type FROM auditlog_event", String.class))
				.containsExactly("DATA_EXPORT");
			assertThat(events("auditlog.events.written", "DATA_EXPORT")).isEqualTo(written + 1);
			assertThat(events("auditlog.events.failed", "REFUSED")).isEqualTo(failed + 1);
			assertThat(events("auditlog.events.written", "REFUSED")).isZero();
		}
		finally {
			this.jdbc.execute("ALTER TABLE auditlog_event DROP CONSTRAINT observe_refuse_event");
		}
	}

	@Test
	void withoutACorrelationIdTheCidIsTheCurrentTraceId() throws Exception {
		SimpleSpan span = this.tracer.nextSpan().start();
		String traceId = span.context().traceId();
		assertThat(traceId).isNotBlank();
		try (SimpleSpanInScope scope = this.tracer.withSpan(span)) {
			this.mvc.perform(post("/parcels").param("code", "T-1"))
				.andExpect(status().isOk())
				.andExpect(header().string("X-Correlation-ID", traceId));
			this.mvc.perform(post("/parcels").param("code", "T-2").header("X-Correlation-ID", "given-2"))
				.andExpect(status().isOk())
				.andExpect(header().string("X-Correlation-ID", "given-2"));
		}
		finally {
			span.end();
		}
		this.mvc.perform(post("/parcels").param("code", "T-3")).andExpect(status().isOk());
		assertThat(cidOf("T-1")).isEqualTo(traceId);
		assertThat(cidOf("T-2")).isEqualTo("given-2");
		assertThat(cidOf("T-3")).isNotEqualTo(traceId).matches("[0-9a-f-]{36}");
	}

	private String cidOf(String objectPk) {
		return this.jdbc.queryForObject("SELECT cid FROM auditlog_logentry WHERE object_pk = ?", String.class,
				objectPk);
	}

	double events(String name, String type) {
		var counter = this.meters.find(name).tag("type", type).counter();
		return (counter != null) ? counter.count() : 0;
	}

	double count(String name, String action) {
		// the recorder and its counters are built at the first change
		var counter = this.meters.find(name).tag("action", action).counter();
		return (counter != null) ? counter.count() : 0;
	}

	long timed(String outcome) {
		var timer = this.meters.find("auditlog.write").tag("outcome", outcome).tag("database", vendor()).timer();
		return (timer != null) ? timer.count() : 0;
	}

}
