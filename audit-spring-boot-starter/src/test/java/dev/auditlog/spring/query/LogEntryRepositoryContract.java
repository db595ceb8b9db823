package dev.auditlog.spring.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.query.LogEntryRows.Row;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;
import dev.auditlog.spring.testdb.TestDatabase;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.auditlog.spring.query.LogEntryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link JdbcLogEntryRepository} promises on every database: filters, newest first
 * by (timestamp, id), keyset pages without duplicate or gap, summaries, and deletes in
 * bounded batches. A subclass per database supplies it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogEntryRepositoryContract {

	static final Instant NOW = Instant.parse("2026-03-10T12:00:00.123456Z");

	static final int BATCH_SIZE = 5;

	final List<String> statements = new CopyOnWriteArrayList<>();

	DataSource dataSource;

	LogEntryRows rows;

	JdbcLogEntryRepository repository;

	abstract TestDatabase database();

	@BeforeAll
	void migrate() throws Exception {
		TestDatabase database = database();
		DataSource plain = new DriverManagerDataSource(database.url(), database.username(), database.password());
		new AuditlogSchemaMigration(plain).afterPropertiesSet();
		this.dataSource = ProxyDataSourceBuilder.create(plain).listener(new QueryExecutionListener() {

			@Override
			public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			}

			@Override
			public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
				queryInfoList.forEach((query) -> LogEntryRepositoryContract.this.statements.add(query.getQuery()));
			}

		}).build();
		this.rows = new LogEntryRows(plain);
		this.repository = new JdbcLogEntryRepository(this.dataSource, BATCH_SIZE);
	}

	@BeforeEach
	void empty() {
		this.rows.deleteAll();
		this.statements.clear();
	}

	@Test
	void returnsEntriesNewestFirstByTimestampThenId() {
		this.rows.insert(row(NOW.minusSeconds(10), "Book", "1"), row(NOW, "Book", "2"),
				row(NOW.minusSeconds(5), "Book", "3"), row(NOW, "Book", "4"));
		List<String> keys = keys(this.repository.query(LogEntryQuery.builder().build()));
		assertThat(keys).containsExactly("4", "2", "3", "1");
	}

	@Test
	void pagesWithoutDuplicateOrGapAcrossEqualTimestamps() {
		List<Row> inserted = new ArrayList<>();
		for (int second = 0; second < 10; second++) {
			for (int copy = 0; copy < 4; copy++) {
				inserted.add(row(NOW.minusSeconds(second), "Book", second + "-" + copy));
			}
		}
		// ids in another order than the timestamps, so that neither alone gives the order
		Collections.shuffle(inserted, new Random(7));
		this.rows.insert(inserted);
		List<Long> expected = this.rows.idsNewestFirst("model = 'Book'");
		for (int size : new int[] { 1, 3, 4, 7, 40 }) {
			assertThat(allPages(LogEntryQuery.builder().model("Book").limit(size).build())).as("pages of %d", size)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void lastPageHasNoCursor() {
		this.rows.insert(row(NOW, "Book", "1"), row(NOW, "Book", "2"), row(NOW, "Book", "3"));
		LogEntryPage full = this.repository.query(LogEntryQuery.builder().limit(3).build());
		assertThat(full.entries()).hasSize(3);
		assertThat(full.next()).isNull();
		LogEntryPage first = this.repository.query(LogEntryQuery.builder().limit(2).build());
		assertThat(first.next()).isEqualTo(first.entries().get(1).id());
		LogEntryPage second = this.repository.query(LogEntryQuery.builder().limit(2).before(first.next()).build());
		assertThat(second.entries()).hasSize(1);
		assertThat(second.next()).isNull();
	}

	@Test
	void pagingNeitherCountsNorSkips() {
		this.rows.insert(row(NOW, "Book", "1"), row(NOW, "Book", "2"), row(NOW, "Book", "3"));
		allPages(LogEntryQuery.builder().limit(1).build());
		assertThat(this.statements).isNotEmpty()
			.noneMatch((sql) -> sql.toUpperCase(Locale.ROOT).contains("COUNT("))
			.noneMatch((sql) -> sql.toUpperCase(Locale.ROOT).contains("OFFSET"));
	}

	@Test
	void cursorOfADeletedEntryEndsThePaging() {
		this.rows.insert(row(NOW.minusSeconds(2), "Book", "1"), row(NOW.minusSeconds(1), "Book", "2"),
				row(NOW, "Book", "3"));
		LogEntryPage first = this.repository.query(LogEntryQuery.builder().limit(2).build());
		this.repository.deleteBefore(NOW);
		LogEntryPage second = this.repository.query(LogEntryQuery.builder().limit(2).before(first.next()).build());
		assertThat(second.entries()).isEmpty();
		assertThat(second.next()).isNull();
	}

	@Test
	void filtersByModelAndObjectKeys() {
		this.rows.insert(row(NOW, "Book", "1"), row(NOW, "Book", "2"), row(NOW, "Book", "3"), row(NOW, "Author", "1"));
		assertThat(keys(this.repository.query(LogEntryQuery.builder().model("Book").build()))).containsExactly("3", "2",
				"1");
		assertThat(models(this.repository.query(LogEntryQuery.builder().model("Book").objectPk("1").build())))
			.containsExactly("Book");
		assertThat(
				keys(this.repository.query(LogEntryQuery.builder().model("Book").objectPks(List.of("1", "3")).build())))
			.containsExactly("3", "1");
		assertThat(this.repository.query(LogEntryQuery.builder().model("Nothing").build()).entries()).isEmpty();
	}

	@Test
	void filtersByActorActionsAndCid() {
		this.rows.insert(row(NOW, "Book", "1").actor("alice").action(Action.CREATE).cid("c-1"),
				row(NOW, "Book", "2").actor("bob").action(Action.UPDATE).cid("c-1"),
				row(NOW, "Book", "3").actor("alice").action(Action.DELETE).cid("c-2"),
				row(NOW, "Book", "4").action(Action.ACCESS));
		assertThat(keys(this.repository.query(LogEntryQuery.builder().actor("alice").build()))).containsExactly("3",
				"1");
		assertThat(keys(this.repository.query(LogEntryQuery.builder().actions(Action.UPDATE).build())))
			.containsExactly("2");
		assertThat(keys(this.repository.query(LogEntryQuery.builder().actions(Action.CREATE, Action.ACCESS).build())))
			.containsExactly("4", "1");
		assertThat(keys(this.repository.query(LogEntryQuery.builder().cid("c-1").build()))).containsExactly("2", "1");
		assertThat(keys(this.repository
			.query(LogEntryQuery.builder().actor("alice").actions(Action.DELETE, Action.UPDATE).cid("c-2").build())))
			.containsExactly("3");
	}

	@Test
	void fromIsInclusiveAndToExclusive() {
		this.rows.insert(row(NOW.minusSeconds(3), "Book", "1"), row(NOW.minusSeconds(2), "Book", "2"),
				row(NOW.minusSeconds(1), "Book", "3"), row(NOW, "Book", "4"));
		LogEntryQuery query = LogEntryQuery.builder().from(NOW.minusSeconds(2)).to(NOW).build();
		assertThat(keys(this.repository.query(query))).containsExactly("3", "2");
		LogEntryQuery sameInstant = LogEntryQuery.builder().from(NOW).to(NOW).build();
		assertThat(this.repository.query(sameInstant).entries()).isEmpty();
	}

	@Test
	void boundsBelowMicrosecondsSelectWhatTheyMean() {
		this.rows.insert(row(NOW, "Book", "1"));
		Instant justAfter = NOW.plusNanos(1);
		assertThat(this.repository.query(LogEntryQuery.builder().from(justAfter).build()).entries()).isEmpty();
		assertThat(this.repository.query(LogEntryQuery.builder().to(justAfter).build()).entries()).hasSize(1);
		assertThat(this.repository.query(LogEntryQuery.builder().to(NOW).build()).entries()).isEmpty();
	}

	@Test
	void boundsBeyondWhatColumnsHoldAreClamped() {
		this.rows.insert(row(NOW, "Book", "1"));
		LogEntryQuery query = LogEntryQuery.builder()
			.from(Instant.parse("-50000-01-01T00:00:00Z"))
			.to(Instant.parse("+50000-01-01T00:00:00Z"))
			.build();
		assertThat(this.repository.query(query).entries()).hasSize(1);
		assertThat(this.repository.deleteBefore(Instant.parse("-50000-01-01T00:00:00Z"))).isZero();
		assertThat(this.repository.deleteBefore(Instant.MAX)).isEqualTo(1);
	}

	@Test
	void findsOneEntryWithEveryColumn() {
		this.rows.insert(row(NOW, "Book", "42").objectId(42L)
			.action(Action.CREATE)
			.changes("{\"title\": [null, \"Dune\"], \"tags\": {\"type\": \"m2m\", \"operation\": \"add\", "
					+ "\"objects\": [\"sf\"]}}")
			.serializedData("{\"title\": \"Dune\", \"pages\": 412}")
			.additionalData("{\"tenant\": \"acme\", \"note\": null}")
			.actor("alice")
			.remoteAddr("2001:db8::1")
			.cid("c-42"), row(NOW, "Book", "{\"line\":\"2\",\"orderId\":\"7\"}"));
		List<LogEntry> entries = this.repository.query(LogEntryQuery.builder().build()).entries();
		LogEntry full = this.repository.find(entries.get(1).id()).orElseThrow();
		assertThat(full.id()).isEqualTo(entries.get(1).id());
		assertThat(full.timestamp()).isEqualTo(NOW);
		assertThat(full.action()).isEqualTo(Action.CREATE);
		assertThat(full.model()).isEqualTo("Book");
		assertThat(full.objectPk()).isEqualTo("42");
		assertThat(full.objectId()).isEqualTo(42L);
		assertThat(full.objectRepr()).isEqualTo("Book 42");
		assertThat(full.actor()).isEqualTo("alice");
		assertThat(full.remoteAddr()).isEqualTo("2001:db8::1");
		assertThat(full.cid()).isEqualTo("c-42");
		assertThat(full.changes().get("title")).isEqualTo(new ValueChange(null, "Dune"));
		assertThat(full.changes().fields()).containsExactlyInAnyOrder("title", "tags");
		assertThat(full.serializedData()).containsEntry("title", "Dune").containsEntry("pages", 412);
		assertThat(full.additionalData()).containsEntry("tenant", "acme").containsEntry("note", null);
		LogEntry sparse = this.repository.find(entries.get(0).id()).orElseThrow();
		assertThat(sparse.objectPk()).isEqualTo("{\"line\":\"2\",\"orderId\":\"7\"}");
		assertThat(sparse.objectId()).isNull();
		assertThat(sparse.actor()).isNull();
		assertThat(sparse.serializedData()).isNull();
		assertThat(sparse.additionalData()).isNull();
		assertThat(this.repository.find(full.id() + 1000)).isEmpty();
	}

	@Test
	void summarizesAWindowByActionModelAndActor() {
		this.rows.insert(row(NOW.minus(40, ChronoUnit.DAYS), "Book", "1").actor("alice"),
				row(NOW, "Book", "1").actor("alice").action(Action.CREATE),
				row(NOW, "Book", "2").actor("alice").action(Action.UPDATE),
				row(NOW, "Book", "3").actor("bob").action(Action.UPDATE),
				row(NOW, "Author", "1").action(Action.DELETE));
		LogEntrySummary summary = this.repository.summarize(NOW.minus(30, ChronoUnit.DAYS), NOW.plusSeconds(1), null);
		assertThat(summary.total()).isEqualTo(4);
		assertThat(summary.actions()).containsExactly(Map.entry(Action.CREATE, 1L), Map.entry(Action.UPDATE, 2L),
				Map.entry(Action.DELETE, 1L), Map.entry(Action.ACCESS, 0L));
		assertThat(summary.models()).containsExactly(Map.entry("Book", 3L), Map.entry("Author", 1L));
		assertThat(summary.actors()).containsExactly(Map.entry("alice", 2L), Map.entry("bob", 1L));
		assertThat(summary.withoutActor()).isEqualTo(1);
		LogEntrySummary ofBob = this.repository.summarize(NOW.minus(30, ChronoUnit.DAYS), NOW.plusSeconds(1), "bob");
		assertThat(ofBob.total()).isEqualTo(1);
		assertThat(ofBob.actors()).containsExactly(Map.entry("bob", 1L));
		assertThat(ofBob.withoutActor()).isZero();
	}

	@Test
	void deletesStrictlyOlderEntriesInBatchesOfOneStatementEach() {
		List<Row> old = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			old.add(row(NOW.minusSeconds(100 + i), "Book", "old-" + i));
		}
		this.rows.insert(old);
		this.rows.insert(row(NOW, "Book", "at-the-bound"), row(NOW.plusSeconds(1), "Book", "newer"));
		this.statements.clear();
		assertThat(this.repository.deleteBefore(NOW)).isEqualTo(23);
		assertThat(keys(this.repository.query(LogEntryQuery.builder().build()))).containsExactly("newer",
				"at-the-bound");
		// 5 + 5 + 5 + 5 + 3: the short batch ends the run
		assertThat(this.statements.stream().filter((sql) -> sql.startsWith("DELETE"))).hasSize(5);
		assertThat(this.repository.deleteBefore(NOW)).isZero();
	}

	@Test
	void deletesInTransactionsOfTheirOwn() {
		this.rows.insert(row(NOW.minusSeconds(1), "Book", "1"), row(NOW, "Book", "2"));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		transaction.executeWithoutResult((status) -> {
			assertThat(this.repository.deleteBefore(NOW)).isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(this.rows.count()).isEqualTo(1);
	}

	@Test
	void deletesOnceWhenSeveralInstancesFlushAtOnce() throws Exception {
		List<Row> old = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			old.add(row(NOW.minusSeconds(1000 - i), "Book", Integer.toString(i)));
		}
		this.rows.insert(old);
		this.rows.insert(row(NOW, "Book", "kept"));
		int instances = 4;
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Long>> deleted = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				JdbcLogEntryRepository instance = new JdbcLogEntryRepository(this.dataSource, 10);
				deleted.add(executor.submit(() -> {
					start.await();
					return instance.deleteBefore(NOW);
				}));
			}
			start.countDown();
			long total = 0;
			for (Future<Long> future : deleted) {
				total += future.get(60, TimeUnit.SECONDS);
			}
			assertThat(total).isEqualTo(300);
			assertThat(this.rows.count()).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	List<Long> allPages(LogEntryQuery query) {
		List<Long> ids = new ArrayList<>();
		LogEntryQuery next = query;
		for (int page = 0; page < 1000; page++) {
			LogEntryPage result = this.repository.query(next);
			assertThat(result.entries()).hasSizeLessThanOrEqualTo(query.limit());
			result.entries().forEach((entry) -> ids.add(entry.id()));
			if (result.next() == null) {
				return ids;
			}
			assertThat(result.entries()).hasSize(query.limit());
			next = next.toBuilder().before(result.next()).build();
		}
		throw new AssertionError("Paging does not end");
	}

	static List<String> keys(LogEntryPage page) {
		return page.entries().stream().map(LogEntry::objectPk).toList();
	}

	static List<String> models(LogEntryPage page) {
		return page.entries().stream().map(LogEntry::model).toList();
	}

}
