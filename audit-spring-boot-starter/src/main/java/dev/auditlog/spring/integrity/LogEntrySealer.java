package dev.auditlog.spring.integrity;

import java.util.Objects;
import java.util.Optional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import javax.sql.DataSource;

import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the entries of {@code auditlog_logentry} that no seal covers yet, every
 * {@code auditlog.integrity.seal-interval}, on a scheduler thread of its own. A seal
 * records the id and content hash of each entry it covers, chains to the previous seal by
 * its signature and is signed; the entries it covers are marked with its id.
 * <p>
 * The write path takes no lock: entries are sealed after they committed. An entry whose
 * transaction commits after a seal was made (its id lower than ids already sealed) is
 * sealed by the next seal. Several application instances may run the job at once: a seal
 * is made while holding the lock row of {@code auditlog_seal_lock}, so seals form one
 * chain. Entries that wait longer than {@code auditlog.integrity.max-seal-delay} are left
 * unsealed, and verification reports them.
 */
final class LogEntrySealer implements SmartLifecycle, RetentionCheckpoint {

	private static final Logger logger = LoggerFactory.getLogger(LogEntrySealer.class);

	private static final String LOCK = "auditlog_logentry";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditDatabase database;

	private final SealKeys keys;

	private final Clock clock;

	private final Duration interval;

	private final Duration maxSealDelay;

	private final int maxEntriesPerSeal;

	private final @Nullable ApplicationEventPublisher events;

	private @Nullable ThreadPoolTaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> scheduled;

	LogEntrySealer(DataSource dataSource, AuditDatabase database, SealKeys keys, Clock clock, Duration interval,
			Duration maxSealDelay, int maxEntriesPerSeal, @Nullable ApplicationEventPublisher events) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// no gap locks on MariaDB: writers keep inserting while a seal is made
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.database = database;
		this.keys = keys;
		this.clock = clock;
		this.interval = interval;
		this.maxSealDelay = maxSealDelay;
		this.maxEntriesPerSeal = maxEntriesPerSeal;
		this.events = events;
	}

	/**
	 * Seal every entry waiting for a seal, in seals of at most the configured number of
	 * entries.
	 * @return the number of entries sealed
	 */
	long sealAll() {
		ensureLockRow();
		long sealed = 0;
		while (true) {
			// an Optional: the callback's result is non-null for NullAway without generic
			// nullness
			Optional<Seal> once = this.transaction.execute((status) -> Optional.ofNullable(sealOnce()));
			Seal seal = (once != null) ? once.orElse(null) : null;
			if (seal == null) {
				return sealed;
			}
			sealed += seal.entryCount();
			logger.info("Sealed {} audit log entries ({} to {}) in seal {} signed with key '{}': {}", seal.entryCount(),
					seal.firstId(), seal.lastId(), seal.id(), seal.keyId(), seal.signature());
			if (this.events != null) {
				this.events.publishEvent(new SealCreatedEvent(this, seal.id(), seal.created(), seal.entryCount(),
						seal.keyId(), seal.signature()));
			}
			if (seal.entryCount() < this.maxEntriesPerSeal) {
				return sealed;
			}
		}
	}

	/**
	 * Put the lock row back if it was deleted (a truncated table): without it, instances
	 * would still never fork the chain (seal ids are primary keys) but would collide.
	 */
	private void ensureLockRow() {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_seal_lock WHERE name = ?", Long.class,
				LOCK);
		if (rows != null && rows == 0) {
			try {
				this.jdbc.update("INSERT INTO auditlog_seal_lock (name) VALUES (?)", LOCK);
			}
			catch (DataIntegrityViolationException ex) {
				// another instance put it back
			}
		}
	}

	private @Nullable Seal sealOnce() {
		this.jdbc.queryForList("SELECT name FROM auditlog_seal_lock WHERE name = ? FOR UPDATE", String.class, LOCK);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<long[]> ids = new ArrayList<>();
		StringBuilder entries = new StringBuilder();
		JdbcTemplate limited = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getDataSource()));
		limited.setMaxRows(this.maxEntriesPerSeal);
		limited.query("SELECT id, hash, timestamp FROM auditlog_logentry WHERE seal_id IS NULL AND hash IS NOT NULL "
				+ "AND timestamp >= ? ORDER BY id", (rs) -> {
					long id = rs.getLong(1);
					entries.append(id)
						.append(' ')
						.append(rs.getString(2))
						.append(' ')
						.append(Seal.micros(this.database.timestamp(rs, 3)))
						.append('\n');
					if (!ids.isEmpty() && ids.get(ids.size() - 1)[1] == id - 1) {
						ids.get(ids.size() - 1)[1] = id;
					}
					else {
						ids.add(new long[] { id, id });
					}
				}, this.database.timestamp(now.minus(this.maxSealDelay)));
		if (ids.isEmpty()) {
			return null;
		}
		int count = (int) entries.chars().filter((c) -> c == '\n').count();
		Seal seal = insertSeal(now, count, ids.get(0)[0], ids.get(ids.size() - 1)[1], entries.toString(), null);
		long id = seal.id();
		this.jdbc.batchUpdate("UPDATE auditlog_logentry SET seal_id = ? WHERE id BETWEEN ? AND ? AND seal_id IS NULL",
				ids, 500, (PreparedStatement statement, long[] run) -> {
					statement.setLong(1, id);
					statement.setLong(2, run[0]);
					statement.setLong(3, run[1]);
				});
		return seal;
	}

	/**
	 * Record, as a seal in the chain, that the entries recorded before an instant are
	 * deleted on purpose, so that verification does not report them missing. Called
	 * before retention or a flush deletes them.
	 * @param before the exclusive upper bound of the timestamps of the entries deleted
	 */
	@Override
	public void recordDeletion(Instant before) {
		Instant bound = before.truncatedTo(ChronoUnit.MICROS);
		// entries are stored at microseconds: "timestamp < before" is "timestamp < bound"
		// with the bound rounded up
		Instant deletedBefore = bound.isBefore(before) ? bound.plus(1, ChronoUnit.MICROS) : bound;
		Seal seal = this.transaction.execute((status) -> {
			this.jdbc.queryForList("SELECT name FROM auditlog_seal_lock WHERE name = ? FOR UPDATE", String.class, LOCK);
			return insertSeal(this.clock.instant().truncatedTo(ChronoUnit.MICROS), 0, 0, 0, "", deletedBefore);
		});
		if (seal != null) {
			logger.info("Recorded in seal {} that audit log entries recorded before {} are deleted", seal.id(),
					deletedBefore);
		}
	}

	private Seal insertSeal(Instant now, int count, long firstEntry, long lastEntry, String text,
			@Nullable Instant deletedBefore) {
		List<String> previous = this.jdbc.queryForList(
				"SELECT signature FROM auditlog_seal WHERE id = (SELECT MAX(id) FROM auditlog_seal)", String.class);
		Long lastId = this.jdbc.queryForObject("SELECT MAX(id) FROM auditlog_seal", Long.class);
		long id = (lastId != null) ? lastId + 1 : 1;
		String previousSignature = previous.isEmpty() ? "" : previous.get(0);
		String signature = this.keys.sign(Seal.form(id, now, count, firstEntry, lastEntry, text, previousSignature,
				this.keys.currentKeyId(), deletedBefore));
		Seal seal = new Seal(id, now, count, firstEntry, lastEntry, text, previousSignature, this.keys.currentKeyId(),
				signature, deletedBefore);
		this.jdbc.update(
				"INSERT INTO auditlog_seal (id, created, entry_count, first_id, last_id, entries, previous_signature, "
						+ "key_id, signature, deleted_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				seal.id(), this.database.timestamp(now), seal.entryCount(), seal.firstId(), seal.lastId(),
				seal.entries(), seal.previousSignature(), seal.keyId(), seal.signature(),
				(deletedBefore != null) ? this.database.timestamp(deletedBefore) : null);
		return seal;
	}

	private void run() {
		try {
			sealAll();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not seal the audit log entries; trying again in {}", this.interval, ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("auditlog-seal-");
			scheduler.setDaemon(true);
			scheduler.initialize();
			this.scheduled = scheduler.scheduleWithFixedDelay(this::run, this.clock.instant().plus(this.interval),
					this.interval);
			this.scheduler = scheduler;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduled != null) {
			this.scheduled.cancel(false);
			this.scheduled = null;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
