package dev.auditlog.spring.export;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import dev.auditlog.AuditLog;
import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntryDescriptor;
import dev.auditlog.spring.export.OpenGaps.Gap;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.support.BackgroundJob;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every committed entry of {@code auditlog_logentry} to Kafka, and every seal
 * of {@code auditlog_seal} when integrity is on, every {@code poll-interval}, on a
 * scheduler thread of its own: the entries table is the transactional outbox, so the
 * write path does nothing more.
 * <p>
 * Each stream has a row in {@code auditlog_export}: its progress ({@code last_id}) and
 * its lock. A run takes the row with {@code SELECT … FOR UPDATE SKIP LOCKED} (an instance
 * that finds it taken skips the run), reads the entries committed above {@code last_id}
 * in id order, sends them, waits for the brokers' acknowledgements and only then moves
 * {@code last_id} on, in the same transaction. A failed send rolls the run back: the
 * batch is sent again by the next run (at least once, never lost). Ids above
 * {@code last_id} that are not visible yet (transactions in flight, or rolled back) are
 * kept as open gaps, as the integrity seal job does: each run looks them up by primary
 * key and publishes the entries that have committed since; a gap older than
 * {@code max-commit-delay} is closed.
 * <p>
 * Records of one object share the key {@code model:objectPk}, hence a partition, and are
 * sent in id order: an object's row is locked by the transaction that changes it, so its
 * entries' ids follow their commits.
 */
final class ExportRelay implements SmartLifecycle, DisposableBean {

	/** The header that carries the version of the record's JSON. */
	static final String SCHEMA_VERSION_HEADER = "auditlog-schema-version";

	/** The version of the record's JSON: the actuator endpoint's form of 0.3. */
	static final String SCHEMA_VERSION = "1";

	/** The name of the progress row of the entries. */
	static final String ENTRIES_ROW = "kafka:auditlog_logentry";

	/** The sealed tables whose seal chains are exported, in this order. */
	static final List<String> SEALED_TABLES = List.of("auditlog_logentry", "auditlog_event");

	private static final Logger logger = LoggerFactory.getLogger(ExportRelay.class);

	/** The most open gaps looked up by one query. */
	private static final int GAPS_PER_QUERY = 100;

	private static final String SEAL_COLUMNS = "table_name, id, created, entry_count, first_id, last_id, entries, "
			+ "gaps, previous_signature, key_id, signature, deleted_before, pruned";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditDatabase database;

	private final AuditLog auditLog;

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final Clock clock;

	private final String topic;

	private final String sealTopic;

	private final boolean seals;

	private final int batchSize;

	private final Duration pollInterval;

	private final Duration sendTimeout;

	private final Duration maxCommitDelay;

	private final ExportMetrics metrics;

	private final BackgroundJob job;

	private volatile boolean stopping;

	ExportRelay(DataSource dataSource, AuditDatabase database, AuditLog auditLog, KafkaTemplate<String, byte[]> kafka,
			JsonMapper json, Clock clock, AuditlogKafkaExportProperties properties, boolean seals,
			ExportMetrics metrics) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// every statement sees what committed before it, and no gap locks on MariaDB
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.database = database;
		this.auditLog = auditLog;
		this.kafka = kafka;
		this.json = json;
		this.clock = clock;
		this.topic = properties.getTopic();
		this.sealTopic = properties.getSealTopic();
		this.seals = seals;
		this.batchSize = properties.getBatchSize();
		this.pollInterval = properties.getPollInterval();
		this.sendTimeout = properties.getSendTimeout();
		// a batch being sent finishes, so that it is not sent twice
		this.job = new BackgroundJob("auditlog-export-", (scheduler) -> scheduler.scheduleWithFixedDelay(this::run,
				this.clock.instant().plus(this.pollInterval), this.pollInterval), this.sendTimeout);
		this.maxCommitDelay = properties.getMaxCommitDelay();
		this.metrics = metrics;
	}

	/**
	 * Publish everything committed and not yet published, in batches: the entries, then
	 * the seals. Does nothing for a stream whose lock another relay holds.
	 * @return the number of records published
	 * @throws ExportException when a batch could not be published
	 */
	long publishAll() {
		long published = publishStream(Stream.ENTRIES, ENTRIES_ROW);
		if (this.seals) {
			for (String table : SEALED_TABLES) {
				published += publishStream(Stream.SEALS, sealRow(table));
			}
		}
		return published;
	}

	private long publishStream(Stream stream, String row) {
		ensureRow(row);
		long published = 0;
		// a stop lets the batch being sent finish, then ends the backlog
		while (!this.stopping) {
			Optional<Batch> run = this.transaction.execute(
					(status) -> Optional.ofNullable((stream == Stream.ENTRIES) ? publishEntries() : publishSeals(row)));
			Batch batch = (run != null) ? run.orElse(null) : null;
			if (batch == null) {
				return published;
			}
			published += batch.published();
			if (!batch.more()) {
				return published;
			}
		}
		return published;
	}

	static String sealRow(String table) {
		return "kafka:auditlog_seal:" + table;
	}

	/**
	 * Put the progress row in place: a new stream starts at the first entry.
	 */
	private void ensureRow(String row) {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_export WHERE name = ?", Long.class, row);
		if (rows != null && rows == 0) {
			try {
				this.jdbc.update("INSERT INTO auditlog_export (name, last_id, gaps) VALUES (?, 0, '')", row);
			}
			catch (DataIntegrityViolationException ex) {
				// another instance put it in place
			}
		}
	}

	/**
	 * Take a stream's row, or return {@code null} when another relay holds it.
	 */
	private @Nullable Progress lock(String row) {
		List<Progress> locked = this.jdbc.query(
				"SELECT last_id, gaps FROM auditlog_export WHERE name = ? FOR UPDATE SKIP LOCKED",
				(rs, number) -> new Progress(rs.getLong(1), Objects.requireNonNullElse(rs.getString(2), "")), row);
		return locked.isEmpty() ? null : locked.get(0);
	}

	/**
	 * Publish one batch of entries under the lock of their row.
	 * @return what was done, or {@code null} when another relay holds the lock or nothing
	 * was to be done
	 */
	private @Nullable Batch publishEntries() {
		Progress progress = lock(ENTRIES_ROW);
		if (progress == null) {
			return null;
		}
		long now = micros(this.clock.instant());
		long cutoff = micros(this.clock.instant().minus(this.maxCommitDelay));
		List<Gap> gaps = OpenGaps.parse(progress.gaps());
		TreeSet<Long> visible = new TreeSet<>();
		List<Gap> stillOpen = new ArrayList<>();
		// the gaps of earlier runs: entries that committed late
		boolean full = false;
		int looked = 0;
		while (looked < gaps.size() && !full) {
			List<Gap> some = gaps.subList(looked, Math.min(gaps.size(), looked + GAPS_PER_QUERY));
			looked += some.size();
			int room = this.batchSize - visible.size();
			StringBuilder sql = new StringBuilder("SELECT id FROM auditlog_logentry WHERE ");
			List<Object> arguments = new ArrayList<>();
			for (Gap gap : some) {
				sql.append(arguments.isEmpty() ? "" : " OR ").append("id BETWEEN ? AND ?");
				arguments.add(gap.first());
				arguments.add(gap.last());
			}
			List<Long> found = limited(room).queryForList(sql.append(" ORDER BY id").toString(), Long.class,
					arguments.toArray());
			visible.addAll(found);
			full = found.size() >= room;
			// ids above the last one taken may be visible too: looked up again next run
			long taken = full ? found.get(found.size() - 1) : Long.MAX_VALUE;
			for (Gap gap : some) {
				long start = gap.first();
				for (long id : visible.subSet(gap.first(), true, gap.last(), true)) {
					if (id > start) {
						keep(stillOpen, new Gap(start, id - 1, gap.opened()), cutoff, taken);
					}
					start = id + 1;
				}
				if (start <= gap.last()) {
					keep(stillOpen, new Gap(start, gap.last(), gap.opened()), cutoff, taken);
				}
			}
		}
		stillOpen.addAll(gaps.subList(looked, gaps.size()));
		// the new range above the progress
		long high = progress.lastId();
		int room = this.batchSize - visible.size();
		if (!full && room > 0) {
			List<Long> found = limited(room).queryForList("SELECT id FROM auditlog_logentry WHERE id > ? ORDER BY id",
					Long.class, progress.lastId());
			for (long id : found) {
				if (id > high + 1) {
					stillOpen.add(new Gap(high + 1, id - 1, now));
				}
				visible.add(id);
				high = id;
			}
			full = found.size() >= room;
		}
		String gapText = OpenGaps.text(stillOpen);
		if (visible.isEmpty() && high == progress.lastId() && gapText.equals(progress.gaps())) {
			return null;
		}
		// in id order, of every tenant whatever this thread's; an entry retention deleted
		// since is gone: nothing to publish
		List<ProducerRecord<String, byte[]>> records = TenantReadRestriction
			.unrestricted(() -> this.auditLog.findAll(visible))
			.stream()
			.map(this::entryRecord)
			.toList();
		send(Stream.ENTRIES, records);
		this.jdbc.update("UPDATE auditlog_export SET last_id = ?, gaps = ? WHERE name = ?", high, gapText, ENTRIES_ROW);
		return new Batch(records.size(), full);
	}

	/**
	 * Keep a gap still open unless it is older than the longest commit delay; the part
	 * above {@code taken} is kept in any case, as it was not looked up in full.
	 */
	private static void keep(List<Gap> stillOpen, Gap gap, long cutoff, long taken) {
		if (gap.opened() >= cutoff) {
			stillOpen.add(gap);
		}
		else if (gap.last() > taken) {
			stillOpen.add(new Gap(Math.max(gap.first(), taken + 1), gap.last(), gap.opened()));
		}
		else {
			logger.debug("Closed the gap of ids {} to {}: no entry committed in it within max-commit-delay",
					gap.first(), gap.last());
		}
	}

	/**
	 * Publish one batch of the seals of a table's chain under the lock of its row. Seals
	 * of a chain are made one after the other under the chain's lock, so they commit in
	 * id order and leave no gap.
	 */
	private @Nullable Batch publishSeals(String row) {
		Progress progress = lock(row);
		if (progress == null) {
			return null;
		}
		String table = row.substring(sealRow("").length());
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
		long[] high = { progress.lastId() };
		limited(this.batchSize).query(
				"SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE table_name = ? AND id > ? ORDER BY id", (rs) -> {
					high[0] = rs.getLong(2);
					records.add(sealRecord(rs));
				}, table, progress.lastId());
		if (records.isEmpty()) {
			return null;
		}
		send(Stream.SEALS, records);
		this.jdbc.update("UPDATE auditlog_export SET last_id = ? WHERE name = ?", high[0], row);
		return new Batch(records.size(), records.size() >= this.batchSize);
	}

	private ProducerRecord<String, byte[]> entryRecord(LogEntry entry) {
		byte[] value = this.json.writeValueAsBytes(EntryDescriptor.of(entry));
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, entry.model() + ":" + entry.objectPk(),
				value);
		record.headers().add(SCHEMA_VERSION_HEADER, SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private ProducerRecord<String, byte[]> sealRecord(ResultSet rs) throws SQLException {
		Map<String, @Nullable Object> seal = new LinkedHashMap<>();
		seal.put("table", rs.getString(1));
		seal.put("id", rs.getLong(2));
		seal.put("created", this.database.timestamp(rs, 3).toString());
		seal.put("entryCount", rs.getInt(4));
		seal.put("firstId", rs.getLong(5));
		seal.put("lastId", rs.getLong(6));
		seal.put("entries", rs.getString(7));
		seal.put("gaps", rs.getString(8));
		seal.put("previousSignature", rs.getString(9));
		seal.put("keyId", rs.getString(10));
		seal.put("signature", rs.getString(11));
		seal.put("deletedBefore", (rs.getObject(12) != null) ? this.database.timestamp(rs, 12).toString() : null);
		seal.put("pruned", rs.getString(13));
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.sealTopic, rs.getString(1),
				this.json.writeValueAsBytes(seal));
		record.headers().add(SCHEMA_VERSION_HEADER, SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/**
	 * Send records in order and wait until the brokers acknowledged all of them.
	 * @throws ExportException when one was not acknowledged within the send timeout
	 */
	private void send(Stream stream, List<ProducerRecord<String, byte[]>> records) {
		if (records.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + this.sendTimeout.toNanos();
		try {
			List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>(records.size());
			for (ProducerRecord<String, byte[]> record : records) {
				if (System.nanoTime() - deadline > 0) {
					throw new TimeoutException("Sending took longer than " + this.sendTimeout);
				}
				CompletableFuture<SendResult<String, byte[]>> result = this.kafka.send(record);
				if (result.isCompletedExceptionally()) {
					// no metadata within max.block.ms: the records after it would wait as
					// long
					result.get();
				}
				sent.add(result);
			}
			for (CompletableFuture<SendResult<String, byte[]>> result : sent) {
				result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.metrics.failed(stream, records.size());
			throw new ExportException("Interrupted while publishing " + records.size() + " records", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			this.metrics.failed(stream, records.size());
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			throw new ExportException("Could not publish " + records.size() + " audit log records to Kafka within "
					+ this.sendTimeout + ": " + cause, cause);
		}
		this.metrics.published(stream, records.size());
	}

	/**
	 * Return the age in seconds of the oldest committed entry not yet published, 0 when
	 * none waits, or {@code NaN} when the database cannot tell. Reads the database: the
	 * progress row, the first entry above it and the entries in its open gaps.
	 * @return the lag in seconds
	 */
	double lagSeconds() {
		try {
			List<Progress> rows = this.jdbc.query("SELECT last_id, gaps FROM auditlog_export WHERE name = ?",
					(rs, number) -> new Progress(rs.getLong(1), Objects.requireNonNullElse(rs.getString(2), "")),
					ENTRIES_ROW);
			Progress progress = rows.isEmpty() ? new Progress(0, "") : rows.get(0);
			List<Instant> oldest = new ArrayList<>();
			limited(1).query("SELECT timestamp FROM auditlog_logentry WHERE id > ? ORDER BY id",
					(RowCallbackHandler) (rs) -> oldest.add(this.database.timestamp(rs, 1)), progress.lastId());
			List<Gap> gaps = OpenGaps.parse(progress.gaps());
			if (!gaps.isEmpty()) {
				StringBuilder sql = new StringBuilder("SELECT MIN(timestamp) FROM auditlog_logentry WHERE ");
				List<Object> arguments = new ArrayList<>();
				for (Gap gap : gaps.subList(0, Math.min(gaps.size(), GAPS_PER_QUERY))) {
					sql.append(arguments.isEmpty() ? "" : " OR ").append("id BETWEEN ? AND ?");
					arguments.add(gap.first());
					arguments.add(gap.last());
				}
				this.jdbc.query(sql.toString(), (rs) -> {
					if (rs.getObject(1) != null) {
						oldest.add(this.database.timestamp(rs, 1));
					}
				}, arguments.toArray());
			}
			Instant now = this.clock.instant();
			return oldest.stream()
				.map((instant) -> Math.max(0, Duration.between(instant, now).toMillis()) / 1000.0)
				.max(Double::compare)
				.orElse(0.0);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the lag of the export to Kafka", ex);
			return Double.NaN;
		}
	}

	private JdbcTemplate limited(int rows) {
		JdbcTemplate limited = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getDataSource()));
		limited.setMaxRows(rows);
		return limited;
	}

	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	private void run() {
		try {
			publishAll();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not publish the audit log to Kafka; trying again in {}: {}",
					DurationStyle.SIMPLE.print(this.pollInterval), ex.getMessage());
			logger.debug("Publishing the audit log to Kafka failed", ex);
		}
	}

	@Override
	public void start() {
		this.stopping = false;
		this.job.start();
	}

	@Override
	public void stop() {
		this.stopping = true;
		this.job.stop();
	}

	@Override
	public boolean isRunning() {
		return this.job.isRunning();
	}

	/**
	 * Close the producer, which belongs to the relay's own copy of the producer factory.
	 */
	@Override
	public void destroy() throws Exception {
		if (this.kafka.getProducerFactory() instanceof DisposableBean factory) {
			factory.destroy();
		}
	}

	/**
	 * Return the producer factory the relay sends with.
	 * @return the factory
	 */
	ProducerFactory<String, byte[]> producerFactory() {
		return this.kafka.getProducerFactory();
	}

	/** A stream of records, the tag of its metrics. */
	enum Stream {

		/** The entries of {@code auditlog_logentry}. */
		ENTRIES,

		/** The seals of {@code auditlog_seal}. */
		SEALS;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A stream's progress row. */
	private record Progress(long lastId, String gaps) {

	}

	/** What one run under the lock did, and whether more is waiting. */
	private record Batch(int published, boolean more) {

	}

	/**
	 * A batch could not be published: nothing of it is marked published, and the next run
	 * sends it again.
	 */
	static final class ExportException extends RuntimeException {

		ExportException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
