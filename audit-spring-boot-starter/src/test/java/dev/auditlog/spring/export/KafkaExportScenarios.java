package dev.auditlog.spring.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.testdb.TestDatabase;
import dev.auditlog.spring.testing.AfterAuditWrite;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The export of entries and seals to a real Kafka broker, an in-process KRaft broker
 * shared by every suite of the JVM: each committed entry is consumed as the actuator
 * endpoint shows it and none of a rolled-back transaction, an entry committed late is
 * still published, two relays at once publish each entry once, and a broker stopped and
 * started again mid-stream loses nothing and keeps each object's order. Run on each
 * database by a subclass.
 */
@SpringBootTest(classes = ExportApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.export.kafka.enabled=true", "auditlog.export.kafka.topic=" + KafkaExportScenarios.TOPIC,
				"auditlog.export.kafka.seal-topic=" + KafkaExportScenarios.SEAL_TOPIC,
				"auditlog.export.kafka.poll-interval=100ms", "auditlog.export.kafka.batch-size=20",
				"auditlog.export.kafka.send-timeout=4s", "spring.kafka.producer.properties[linger.ms]=5",
				"spring.kafka.producer.properties[max.block.ms]=2000",
				"spring.kafka.producer.properties[request.timeout.ms]=1500",
				"spring.kafka.producer.properties[delivery.timeout.ms]=3000",
				"spring.kafka.producer.properties[reconnect.backoff.max.ms]=200", "auditlog.integrity.enabled=true",
				"auditlog.integrity.hmac-key=test-key-of-the-export-scenarios-0123456789",
				"auditlog.integrity.seal-interval=300ms", "management.endpoints.web.exposure.include=auditlog",
				"management.endpoint.auditlog.show-values=always", "logging.level.kafka=warn",
				"logging.level.org.apache.kafka=warn", "logging.level.state.change.logger=warn" })
@DirtiesContext
abstract class KafkaExportScenarios {

	static final String TOPIC = "auditlog-test.entries";

	static final String SEAL_TOPIC = "auditlog-test.seals";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static EmbeddedKafkaKraftBroker broker;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ExportRelay relay;

	@Autowired
	AuditlogKafkaExportProperties properties;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private Tail entries;

	private Tail seals;

	/**
	 * Start the broker of the JVM once, on a fixed port so that it can be stopped and
	 * started again where clients left it, and register it with the database.
	 */
	static synchronized void register(TestDatabase database, DynamicPropertyRegistry registry) {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, SEAL_TOPIC);
			started.kafkaPorts(freePort());
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
			broker = started;
		}
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	@BeforeEach
	void tailTopics() {
		// what earlier tests wrote is published before the topics are tailed from their
		// end
		long written = maxId();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Long> progress = this.jdbc.queryForList("SELECT last_id FROM auditlog_export WHERE name = ?",
					Long.class, ExportRelay.ENTRIES_ROW);
			return !progress.isEmpty() && progress.get(0) >= written;
		});
		this.entries = new Tail(TOPIC);
		this.seals = new Tail(SEAL_TOPIC);
	}

	@AfterEach
	void closeTails() {
		this.entries.close();
		this.seals.close();
	}

	@Test
	void everyCommittedEntryIsPublishedOnceAsTheEndpointShowsIt() throws Exception {
		long before = maxId();
		long first = create("first", 1);
		long second = create("second", 2);
		update(first, "first, renamed", 10);
		this.transaction.executeWithoutResult((status) -> {
			this.entityManager.persist(new Parcel("third", 3));
			this.entityManager.remove(this.entityManager.find(Parcel.class, second));
		});
		List<Long> ids = idsAfter(before);
		assertThat(ids).hasSize(5);
		List<ConsumerRecord<String, String>> records = new ArrayList<>(this.entries.awaitRecords(ids.size()));
		// partitions interleave: each object's records are in order (asserted elsewhere)
		records.sort(java.util.Comparator.comparingLong(KafkaExportScenarios::entryId));
		assertThat(records).extracting(KafkaExportScenarios::entryId).containsExactlyElementsOf(ids);
		for (ConsumerRecord<String, String> record : records) {
			long id = entryId(record);
			JsonNode shown = json.readTree(get("/actuator/auditlog/" + id));
			assertThat(json.readTree(record.value())).as("entry %d", id).isEqualTo(shown);
			assertThat(record.key()).isEqualTo(shown.get("model").asString() + ":" + shown.get("objectPk").asString());
			Header version = record.headers().lastHeader(ExportRelay.SCHEMA_VERSION_HEADER);
			assertThat(new String(version.value(), StandardCharsets.UTF_8)).isEqualTo("1");
		}
		assertThat(records).extracting((record) -> json.readTree(record.value()).get("action").asString())
			.containsExactly("CREATE", "CREATE", "UPDATE", "CREATE", "DELETE");
		// nothing more comes
		await().during(Duration.ofMillis(500)).until(() -> this.entries.poll().size() == ids.size());
	}

	@Test
	void entriesAreReadByIdsInOneGoAsOneByOne() {
		long before = maxId();
		long parcel = create("read by ids", 1);
		update(parcel, "read by ids, renamed", 2);
		create("another", 3);
		List<Long> ids = idsAfter(before);
		List<Long> asked = new ArrayList<>(ids);
		java.util.Collections.reverse(asked);
		asked.add(ids.get(0));
		asked.add(ids.get(ids.size() - 1) + 1_000_000);
		assertThat(this.auditLog.findAll(asked))
			.containsExactlyElementsOf(ids.stream().map((id) -> this.auditLog.find(id).orElseThrow()).toList());
	}

	@Test
	void entriesOfARolledBackTransactionAreNeverPublished() {
		long before = maxId();
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.entityManager.persist(new Parcel("rolled back", 1));
				this.entityManager.flush();
				// fails after the audit log wrote this transaction's entry
				this.entityManager.unwrap(SharedSessionContractImplementor.class)
					.getTransactionCoordinator()
					.addObserver(AfterAuditWrite.failing());
			});
		}
		catch (RuntimeException expected) {
			// rolled back
		}
		long marker = create("committed after", 2);
		List<Long> ids = idsAfter(before);
		assertThat(ids).hasSize(1);
		// the rolled-back transaction wrote its entry (its id is gone with it)
		assertThat(ids.get(0)).isGreaterThan(before + 1);
		List<ConsumerRecord<String, String>> records = this.entries.awaitRecords(1);
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.key()).endsWith(":" + marker);
			assertThat(record.value()).doesNotContain("rolled back");
		});
		await().during(Duration.ofMillis(500)).until(() -> this.entries.poll().size() == 1);
	}

	@Test
	void entryOfATransactionCommittingLateIsPublishedWhenItCommits() throws Exception {
		long before = maxId();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> late = executor.submit(() -> this.transaction.executeWithoutResult((status) -> {
				this.entityManager.persist(new Parcel("late", 1));
				this.entityManager.flush();
				// holds the commit after the audit log wrote this transaction's entry
				this.entityManager.unwrap(SharedSessionContractImplementor.class)
					.getTransactionCoordinator()
					.addObserver(AfterAuditWrite.blocking(written, proceed));
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			create("on time 1", 2);
			create("on time 2", 3);
			List<ConsumerRecord<String, String>> onTime = this.entries.awaitRecords(2);
			// the relay passed the late entry's id and keeps it as an open gap across
			// runs
			await().atMost(Duration.ofSeconds(10)).until(() -> !gaps().isBlank() && this.entries.poll().size() == 2);
			assertThat(onTime).allSatisfy((record) -> assertThat(record.value()).contains("on time"));
			proceed.countDown();
			late.get(30, TimeUnit.SECONDS);
			List<Long> ids = idsAfter(before);
			assertThat(ids).hasSize(3);
			List<ConsumerRecord<String, String>> records = this.entries.awaitRecords(3);
			assertThat(entryId(records.get(2))).isEqualTo(ids.get(0));
			assertThat(records.get(2).value()).contains("Parcel late");
			long lateId = ids.get(0);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> OpenGaps.parse(gaps())
					.stream()
					.noneMatch((gap) -> gap.first() <= lateId && lateId <= gap.last()));
		}
		finally {
			proceed.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void gapOlderThanTheLongestCommitDelayIsClosed() throws Exception {
		long before = maxId();
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.entityManager.persist(new Parcel("never committed", 1));
				this.entityManager.flush();
				this.entityManager.unwrap(SharedSessionContractImplementor.class)
					.getTransactionCoordinator()
					.addObserver(AfterAuditWrite.failing());
			});
		}
		catch (RuntimeException expected) {
			// rolled back
		}
		create("after the rollback", 2);
		// the id the rolled-back transaction took
		long lost = idsAfter(before).get(0) - 1;
		assertThat(lost).isGreaterThan(before);
		this.entries.awaitRecords(1);
		assertThat(OpenGaps.parse(gaps())).anyMatch((gap) -> gap.first() <= lost && lost <= gap.last());
		ExportRelay later = new ExportRelay(this.dataSource, AuditDatabase.of(this.dataSource), this.auditLog,
				new KafkaTemplate<>(
						this.relay.producerFactory().copyWithConfigurationOverride(Map.of("client.id", "later-relay"))),
				json,
				java.time.Clock.offset(java.time.Clock.systemUTC(), this.properties.getMaxCommitDelay().plusMinutes(1)),
				this.properties, false, ExportMetrics.NONE);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				later.publishAll();
				return OpenGaps.parse(gaps()).stream().noneMatch((gap) -> gap.first() <= lost && lost <= gap.last());
			});
		}
		finally {
			later.destroy();
		}
	}

	@Test
	void twoRelaysAtOncePublishEachEntryOnceInEachObjectsOrder() throws Exception {
		long before = maxId();
		ExportRelay second = new ExportRelay(this.dataSource, AuditDatabase.of(this.dataSource), this.auditLog,
				new KafkaTemplate<>(this.relay.producerFactory()
					.copyWithConfigurationOverride(Map.of("client.id", "second-relay"))),
				json, java.time.Clock.systemUTC(), this.properties, false, ExportMetrics.NONE);
		second.start();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			// a third relay runs back to back, outside any schedule
			Future<?> eager = threads.submit(() -> {
				while (writing.get()) {
					this.relay.publishAll();
				}
			});
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				long seed = 31 + t;
				writers.add(threads.submit(() -> writeRandomly(seed, 25)));
			}
			for (Future<?> writer : writers) {
				writer.get(120, TimeUnit.SECONDS);
			}
			writing.set(false);
			eager.get(30, TimeUnit.SECONDS);
			List<Long> ids = idsAfter(before);
			List<ConsumerRecord<String, String>> records = this.entries.awaitRecords(ids.size());
			assertThat(records).extracting(KafkaExportScenarios::entryId).doesNotHaveDuplicates();
			assertThat(records).extracting(KafkaExportScenarios::entryId).containsExactlyInAnyOrderElementsOf(ids);
			assertInEachObjectsOrder(records);
			await().during(Duration.ofMillis(500)).until(() -> this.entries.poll().size() == ids.size());
		}
		finally {
			writing.set(false);
			threads.shutdownNow();
			second.stop();
			second.destroy();
		}
	}

	@Test
	void brokerStoppedAndStartedMidStreamLosesNothingAndKeepsEachObjectsOrder() throws Exception {
		long before = maxId();
		List<Long> objects = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			objects.add(create("parcel " + i, i));
		}
		this.entries.awaitRecords(objects.size());
		double failedBefore = this.meters.get(MicrometerExportMetrics.FAILED)
			.tag("stream", "entries")
			.counter()
			.count();
		Collection<BrokerServer> brokers = broker.getCluster().brokers().values();
		brokers.forEach(BrokerServer::shutdown);
		try {
			// the application's writes go on while the broker is down
			for (int round = 0; round < 5; round++) {
				for (long object : objects) {
					update(object, "parcel " + object + " round " + round, round);
				}
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.meters.get(MicrometerExportMetrics.FAILED)
					.tag("stream", "entries")
					.counter()
					.count() > failedBefore);
			await().atMost(Duration.ofSeconds(10)).until(() -> lag() >= 1);
		}
		finally {
			brokers.forEach(BrokerServer::startup);
		}
		List<Long> ids = idsAfter(before);
		assertThat(ids).hasSize(4 + 20);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.entries.poll().stream().map(KafkaExportScenarios::entryId).distinct().count() == ids
				.size());
		List<ConsumerRecord<String, String>> records = this.entries.poll();
		assertThat(records).extracting(KafkaExportScenarios::entryId).containsAll(ids);
		assertInEachObjectsOrder(records);
		await().atMost(Duration.ofSeconds(10)).until(() -> lag() == 0);
		assertThat(this.meters.get(MicrometerExportMetrics.PUBLISHED).tag("stream", "entries").counter().count())
			.isGreaterThanOrEqualTo(ids.size());
	}

	@Test
	void everySealIsPublished() {
		create("sealed 1", 1);
		create("sealed 2", 2);
		long sealsBefore = count("SELECT COUNT(*) FROM auditlog_seal WHERE table_name = 'auditlog_logentry'");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count(
					"SELECT COUNT(*) FROM auditlog_seal WHERE table_name = 'auditlog_logentry'") > sealsBefore);
		long sealId = count("SELECT MAX(id) FROM auditlog_seal WHERE table_name = 'auditlog_logentry'");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.seals.poll()
				.stream()
				.anyMatch((record) -> "auditlog_logentry".equals(record.key())
						&& json.readTree(record.value()).get("id").asLong() == sealId));
		ConsumerRecord<String, String> published = this.seals.poll()
			.stream()
			.filter((record) -> "auditlog_logentry".equals(record.key())
					&& json.readTree(record.value()).get("id").asLong() == sealId)
			.findFirst()
			.orElseThrow();
		Map<String, Object> stored = this.jdbc.queryForMap(
				"SELECT first_id, last_id, signature, key_id, previous_signature, entry_count FROM auditlog_seal "
						+ "WHERE table_name = 'auditlog_logentry' AND id = ?",
				sealId);
		JsonNode seal = json.readTree(published.value());
		assertThat(seal.get("table").asString()).isEqualTo("auditlog_logentry");
		assertThat(seal.get("signature").asString()).isEqualTo(value(stored, "signature"));
		assertThat(seal.get("previousSignature").asString()).isEqualTo(value(stored, "previous_signature"));
		assertThat(seal.get("keyId").asString()).isEqualTo(value(stored, "key_id"));
		assertThat(seal.get("firstId").asLong()).isEqualTo(((Number) value(stored, "first_id")).longValue());
		assertThat(seal.get("lastId").asLong()).isEqualTo(((Number) value(stored, "last_id")).longValue());
		assertThat(seal.get("entryCount").asInt()).isEqualTo(((Number) value(stored, "entry_count")).intValue());
		assertThat(seal.get("entries").asString()).isNotEmpty();
		assertThat(new String(published.headers().lastHeader(ExportRelay.SCHEMA_VERSION_HEADER).value(),
				StandardCharsets.UTF_8))
			.isEqualTo("1");
		// each seal of the chain once, in order
		List<Long> chain = this.seals.poll()
			.stream()
			.filter((record) -> "auditlog_logentry".equals(record.key()))
			.map((record) -> json.readTree(record.value()).get("id").asLong())
			.toList();
		assertThat(chain).doesNotHaveDuplicates().isSorted();
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	/**
	 * Each object's entries, the first time each is consumed, come in id order.
	 */
	private static void assertInEachObjectsOrder(List<ConsumerRecord<String, String>> records) {
		Map<String, List<Long>> byObject = new LinkedHashMap<>();
		Set<Long> seen = new HashSet<>();
		for (ConsumerRecord<String, String> record : records) {
			long id = entryId(record);
			if (seen.add(id)) {
				byObject.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(id);
			}
		}
		assertThat(byObject).allSatisfy((key, ids) -> assertThat(ids).as(key).isSorted());
	}

	private void writeRandomly(long seed, int transactions) {
		Random random = new Random(seed);
		List<Long> mine = new ArrayList<>();
		for (int i = 0; i < transactions; i++) {
			if (mine.isEmpty() || random.nextInt(3) == 0) {
				mine.add(create("seed " + seed + " parcel " + i, random.nextInt(100)));
			}
			else {
				update(mine.get(random.nextInt(mine.size())), "seed " + seed + " change " + i, random.nextInt(100));
			}
		}
	}

	private long create(String label, int weight) {
		Long id = this.transaction.execute((status) -> {
			Parcel parcel = new Parcel(label, weight);
			this.entityManager.persist(parcel);
			this.entityManager.flush();
			return parcel.getId();
		});
		assertThat(id).isNotNull();
		return id;
	}

	private void update(long id, String label, int weight) {
		this.transaction.executeWithoutResult((status) -> {
			Parcel parcel = this.entityManager.find(Parcel.class, id);
			parcel.setLabel(label);
			parcel.setWeight(weight);
		});
	}

	private long maxId() {
		Long max = this.jdbc.queryForObject("SELECT MAX(id) FROM auditlog_logentry", Long.class);
		return (max != null) ? max : 0;
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private List<Long> idsAfter(long id) {
		return this.jdbc.queryForList("SELECT id FROM auditlog_logentry WHERE id > ? ORDER BY id", Long.class, id);
	}

	private String gaps() {
		List<String> gaps = this.jdbc.queryForList("SELECT gaps FROM auditlog_export WHERE name = ?", String.class,
				ExportRelay.ENTRIES_ROW);
		return gaps.isEmpty() ? "" : gaps.get(0);
	}

	private double lag() {
		return this.meters.get(MicrometerExportMetrics.LAG).gauge().value();
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static long entryId(ConsumerRecord<String, String> record) {
		return json.readTree(record.value()).get("id").asLong();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A consumer of every partition of a topic from its end when the test started, which
	 * keeps what it consumed.
	 */
	private static final class Tail implements AutoCloseable {

		private final KafkaConsumer<String, String> consumer;

		private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

		Tail(String topic) {
			Map<String, Object> properties = new HashMap<>();
			properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
			properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			this.consumer = new KafkaConsumer<>(properties);
			List<TopicPartition> partitions = this.consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.consumer.seekToEnd(partitions);
			partitions.forEach(this.consumer::position);
		}

		List<ConsumerRecord<String, String>> poll() {
			this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
			return List.copyOf(this.records);
		}

		/**
		 * Wait until at least the given number of records came, and return them, in the
		 * order each partition holds them (partitions one after the other in arrival
		 * order).
		 */
		List<ConsumerRecord<String, String>> awaitRecords(int count) {
			await().atMost(Duration.ofSeconds(30)).until(() -> poll().size() >= count);
			return poll();
		}

		@Override
		public void close() {
			this.consumer.close();
		}

	}

}
