package dev.auditlog.spring.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.auditlog.spring.integrity.Seal.Gap;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.support.BackgroundJob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the rows of {@code auditlog_logentry} and of {@code auditlog_event} written since
 * the last seal of their table, every {@code auditlog.integrity.seal-interval}, on a
 * scheduler thread of its own. Each table has a chain of its own. A seal closes the id
 * range above the previous seal's high-water mark: it records the id, content hash and
 * timestamp of each entry it seals and the ids not visible (in flight or rolled back) as
 * open gaps; it chains to the previous seal by its signature and is signed. Rows are
 * never written again: sealing reads entries by primary key only.
 * <p>
 * The write path takes no lock: entries are sealed after they committed. An entry whose
 * transaction commits after a seal was made (its id an open gap of that seal) is found by
 * the next seal, which looks up the open gaps by primary key, and sealed then; gaps open
 * longer than {@code auditlog.integrity.max-seal-delay} are closed, and a row that
 * appears in a closed gap is reported as inserted. Several application instances may run
 * the job at once: a seal is made while holding the table's lock row in
 * {@code auditlog_seal_lock}, so each table has one chain.
 */
final class LogEntrySealer implements SmartLifecycle, RetentionCheckpoint {

	private static final Logger logger = LoggerFactory.getLogger(LogEntrySealer.class);

	/** The most open gaps looked up by one query. */
	private static final int GAPS_PER_QUERY = 100;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditDatabase database;

	private final SealKeys keys;

	private final Clock clock;

	private final Duration interval;

	private final Duration maxSealDelay;

	private volatile long unhashedUntil = Long.MIN_VALUE;

	private final int maxEntriesPerSeal;

	private final @Nullable ApplicationEventPublisher events;

	private final List<SealedTable> tables;

	private final BackgroundJob job;

	LogEntrySealer(DataSource dataSource, AuditDatabase database, SealKeys keys, Clock clock, Duration interval,
			Duration maxSealDelay, int maxEntriesPerSeal, @Nullable ApplicationEventPublisher events) {
		this(dataSource, database, keys, clock, interval, maxSealDelay, maxEntriesPerSeal, events, SealedTable.ALL);
	}

	LogEntrySealer(DataSource dataSource, AuditDatabase database, SealKeys keys, Clock clock, Duration interval,
			Duration maxSealDelay, int maxEntriesPerSeal, @Nullable ApplicationEventPublisher events,
			List<SealedTable> tables) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// no gap locks on MariaDB: writers keep inserting while a seal is made
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.database = database;
		this.keys = keys;
		this.clock = clock;
		this.interval = interval;
		this.job = new BackgroundJob("auditlog-seal-", (scheduler) -> scheduler.scheduleWithFixedDelay(this::run,
				this.clock.instant().plus(this.interval), this.interval));
		this.maxSealDelay = maxSealDelay;
		this.maxEntriesPerSeal = maxEntriesPerSeal;
		this.events = events;
		this.tables = tables;
	}

	/**
	 * Seal every entry and event waiting for a seal, in seals of at most the configured
	 * number of rows.
	 * @return the number of entries and events sealed
	 */
	long sealAll() {
		return sealAll(false);
	}

	/**
	 * Seal what is waiting, as the scheduled job does: a table whose lock row another
	 * instance holds is left to that instance this time, rather than waited for.
	 * @return the number of entries and events sealed
	 */
	long sealAllUnlessBusy() {
		return sealAll(true);
	}

	private long sealAll(boolean unlessBusy) {
		long sealed = 0;
		for (SealedTable table : this.tables) {
			sealed += sealAll(table, unlessBusy);
		}
		return sealed;
	}

	/**
	 * Seal every row of one table waiting for a seal.
	 * @param table the table
	 * @return the number of rows sealed
	 */
	long sealAll(SealedTable table) {
		return sealAll(table, false);
	}

	private long sealAll(SealedTable table, boolean unlessBusy) {
		ensureLockRow(table);
		long sealed = 0;
		while (true) {
			// an Optional: the callback's result is non-null for NullAway without generic
			// nullness
			Optional<Made> once = this.transaction
				.execute((status) -> Optional.ofNullable(sealOnce(table, null, false, unlessBusy)));
			Made made = (once != null) ? once.orElse(null) : null;
			if (made == null) {
				return sealed;
			}
			sealed += made.seal().entryCount();
			published(made.seal());
			if (made.rowsRead() < this.maxEntriesPerSeal) {
				return sealed;
			}
		}
	}

	private void published(Seal seal) {
		logger.info("Sealed {} {} (range {} to {}) in seal {} of {} signed with key '{}': {}", seal.entryCount(),
				seal.table().equals(SealedTable.LOG_ENTRY.name()) ? "audit log entries" : "audit events",
				seal.firstId(), seal.lastId(), seal.id(), seal.table(), seal.keyId(), seal.signature());
		if (this.events != null) {
			this.events.publishEvent(new SealCreatedEvent(this, seal.table(), seal.id(), seal.created(),
					seal.entryCount(), seal.keyId(), seal.signature()));
		}
	}

	/**
	 * Put the lock row back if it was deleted (a truncated table): without it, instances
	 * would still never fork the chain (seal ids are primary keys) but would collide.
	 */
	private void ensureLockRow(SealedTable table) {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_seal_lock WHERE name = ?", Long.class,
				table.name());
		if (rows != null && rows == 0) {
			try {
				this.jdbc.update("INSERT INTO auditlog_seal_lock (name) VALUES (?)", table.name());
			}
			catch (DataIntegrityViolationException ex) {
				// another instance put it back
			}
		}
	}

	/**
	 * Make one seal of a table under its lock row, if there is anything to seal.
	 * @param table the table
	 * @param deletedBefore the instant of a retention checkpoint, or {@code null}
	 * @param always whether to make a seal even when nothing changed
	 * @param unlessBusy whether to give up, rather than wait, when another instance holds
	 * the table's lock row
	 * @return the seal made and the number of rows it read in its range, or {@code null}
	 */
	private @Nullable Made sealOnce(SealedTable table, @Nullable Instant deletedBefore, boolean always,
			boolean unlessBusy) {
		List<String> locked = this.jdbc.queryForList(
				"SELECT name FROM auditlog_seal_lock WHERE name = ? FOR UPDATE" + (unlessBusy ? " SKIP LOCKED" : ""),
				String.class, table.name());
		if (locked.isEmpty()) {
			// another instance is sealing this table
			return null;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long cutoff = Seal.micros(now.minus(this.maxSealDelay));
		long nowMicros = Seal.micros(now);
		List<Seal> previousSeals = this.jdbc.query(
				"SELECT " + IntegrityVerifier.SEAL_COLUMNS
						+ " FROM auditlog_seal WHERE table_name = ? AND id = (SELECT MAX(id) FROM auditlog_seal "
						+ "WHERE table_name = ?)",
				(rs, row) -> IntegrityVerifier.seal(this.database, rs), table.name(), table.name());
		Seal previous = previousSeals.isEmpty() ? null : previousSeals.get(0);
		long low;
		List<Gap> gaps;
		if (previous != null) {
			low = previous.lastId();
			List<Gap> open = previous.openGaps();
			gaps = (open != null) ? open : List.of();
		}
		else {
			low = chainStart(table, now.minus(this.maxSealDelay));
			gaps = List.of();
		}
		TreeMap<Long, String> sealed = new TreeMap<>();
		// the gaps of earlier seals: late entries become visible, old gaps close
		List<Gap> stillOpen = new ArrayList<>();
		for (int from = 0; from < gaps.size(); from += GAPS_PER_QUERY) {
			List<Gap> some = gaps.subList(from, Math.min(gaps.size(), from + GAPS_PER_QUERY));
			TreeMap<Long, Boolean> visible = new TreeMap<>();
			StringBuilder sql = new StringBuilder("SELECT id, hash, timestamp FROM " + table.name() + " WHERE ");
			List<Object> arguments = new ArrayList<>();
			for (Gap gap : some) {
				sql.append((arguments.isEmpty()) ? "" : " OR ").append("id BETWEEN ? AND ?");
				arguments.add(gap.first());
				arguments.add(gap.last());
			}
			this.jdbc.query(sql.toString(), (rs) -> {
				long id = rs.getLong(1);
				visible.put(id, Boolean.TRUE);
				String line = line(rs, id, cutoff);
				if (line != null) {
					sealed.put(id, line);
				}
			}, arguments.toArray());
			for (Gap gap : some) {
				if (gap.opened() < cutoff) {
					continue;
				}
				long start = gap.first();
				for (long id : visible.subMap(gap.first(), true, gap.last(), true).keySet()) {
					if (id > start) {
						stillOpen.add(new Gap(start, id - 1, gap.opened()));
					}
					start = id + 1;
				}
				if (start <= gap.last()) {
					stillOpen.add(new Gap(start, gap.last(), gap.opened()));
				}
			}
		}
		// the new range above the high-water mark
		long[] high = { low };
		int[] read = { 0 };
		JdbcTemplate limited = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getDataSource()));
		limited.setMaxRows(this.maxEntriesPerSeal);
		limited.query("SELECT id, hash, timestamp FROM " + table.name() + " WHERE id > ? ORDER BY id", (rs) -> {
			long id = rs.getLong(1);
			read[0]++;
			if (id > high[0] + 1) {
				stillOpen.add(new Gap(high[0] + 1, id - 1, nowMicros));
			}
			String line = line(rs, id, cutoff);
			if (line != null) {
				sealed.put(id, line);
			}
			high[0] = id;
		}, low);
		String gapText = Gap.text(stillOpen);
		boolean changed = !sealed.isEmpty() || high[0] != low || (previous != null && !gapText.equals(previous.gaps()));
		if (!changed && !always) {
			return null;
		}
		StringBuilder entries = new StringBuilder();
		sealed.values().forEach(entries::append);
		Seal seal = insertSeal(table, previous, now, sealed.size(), low + 1, high[0], entries.toString(), gapText,
				deletedBefore);
		return new Made(seal, read[0]);
	}

	/**
	 * Seal rows without a content hash recorded before an instant by their presence only
	 * (hash {@code -}), instead of leaving them to be reported as inserted: rows written
	 * by instances still running with integrity off during a rolling deployment.
	 * @param until the exclusive end of the grace, or {@code null} for none
	 */
	void sealUnhashedUntil(@Nullable Instant until) {
		this.unhashedUntil = (until != null) ? Seal.micros(until) : Long.MIN_VALUE;
	}

	/**
	 * Return the line of a visible row to seal, or {@code null} for a row that is not
	 * sealed: without a hash (written with integrity off, or forged) unless within the
	 * grace of {@link #sealUnhashedUntil}, or older than the longest seal delay (added
	 * after the fact).
	 */
	private @Nullable String line(ResultSet rs, long id, long cutoff) throws SQLException {
		String hash = rs.getString(2);
		long timestamp = Seal.micros(this.database.timestamp(rs, 3));
		if (timestamp < cutoff) {
			return null;
		}
		if (hash == null) {
			return (timestamp < this.unhashedUntil) ? id + " " + Seal.UNHASHED + " " + timestamp + "\n" : null;
		}
		return id + " " + hash + " " + timestamp + "\n";
	}

	/**
	 * Return the id after which the first seal of a table starts: above every row older
	 * than the longest seal delay and every row written without a hash in that time (by
	 * an instance with integrity off).
	 */
	private long chainStart(SealedTable table, Instant cutoff) {
		Object bound = this.database.timestamp(cutoff);
		Long old = this.jdbc.queryForObject("SELECT MAX(id) FROM " + table.name() + " WHERE timestamp < ?", Long.class,
				bound);
		Long hashless = this.jdbc.queryForObject(
				"SELECT MAX(id) FROM " + table.name() + " WHERE timestamp >= ? AND hash IS NULL", Long.class, bound);
		// the ids between it and the first visible row are open gaps: rows in flight then
		return Math.max((old != null) ? old : 0, (hashless != null) ? hashless : 0);
	}

	/**
	 * Record, as a seal in the chain of {@code auditlog_logentry}, that the entries
	 * recorded before an instant are deleted on purpose, so that verification does not
	 * report them missing. Called before retention or a flush deletes them; the seal also
	 * seals what waits for a seal.
	 * @param before the exclusive upper bound of the timestamps of the entries deleted
	 */
	@Override
	public void recordDeletion(Instant before) {
		Instant bound = before.truncatedTo(ChronoUnit.MICROS);
		// entries are stored at microseconds: "timestamp < before" is "timestamp < bound"
		// with the bound rounded up
		Instant deletedBefore = bound.isBefore(before) ? bound.plus(1, ChronoUnit.MICROS) : bound;
		ensureLockRow(SealedTable.LOG_ENTRY);
		Long recorded = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM auditlog_seal WHERE table_name = ? AND deleted_before >= ?", Long.class,
				SealedTable.LOG_ENTRY.name(), this.database.timestamp(deletedBefore));
		if (recorded != null && recorded > 0) {
			// a checkpoint already excuses these deletions (a flush that calls the
			// repository, which records one too)
			return;
		}
		Optional<Made> made = this.transaction
			.execute((status) -> Optional.ofNullable(sealOnce(SealedTable.LOG_ENTRY, deletedBefore, true, false)));
		if (made != null && made.isPresent()) {
			Seal seal = made.get().seal();
			published(seal);
			logger.info("Recorded in seal {} that audit log entries recorded before {} are deleted", seal.id(),
					deletedBefore);
		}
	}

	private Seal insertSeal(SealedTable table, @Nullable Seal previous, Instant now, int count, long firstId,
			long lastId, String entries, String gaps, @Nullable Instant deletedBefore) {
		long id = (previous != null) ? previous.id() + 1 : 1;
		String previousSignature = (previous != null) ? previous.signature() : "";
		// a retention checkpoint prunes the seals made before its instant: their entries
		// are deleted; it records where verification starts
		Seal pruned = null;
		if (deletedBefore != null && previous != null) {
			Long last = this.jdbc.queryForObject(
					"SELECT MAX(id) FROM auditlog_seal WHERE table_name = ? AND created < ?", Long.class, table.name(),
					this.database.timestamp(deletedBefore));
			if (last != null) {
				pruned = this.jdbc.queryForObject(
						"SELECT " + IntegrityVerifier.SEAL_COLUMNS
								+ " FROM auditlog_seal WHERE table_name = ? AND id = ?",
						(rs, row) -> IntegrityVerifier.seal(this.database, rs), table.name(), last);
			}
		}
		String prunedText = (pruned != null)
				? Seal.Pruned.text(pruned.id(), pruned.lastId(), pruned.signature(), pruned.gaps()) : null;
		Seal unsigned = new Seal(table.name(), id, now, count, firstId, lastId, entries, gaps, previousSignature,
				this.keys.currentKeyId(), "", deletedBefore, prunedText);
		Seal seal = new Seal(table.name(), id, now, count, firstId, lastId, entries, gaps, previousSignature,
				this.keys.currentKeyId(), this.keys.sign(unsigned.form()), deletedBefore, prunedText);
		this.jdbc.update(
				"INSERT INTO auditlog_seal (table_name, id, created, entry_count, first_id, last_id, entries, "
						+ "gaps, previous_signature, key_id, signature, deleted_before, pruned) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				seal.table(), seal.id(), this.database.timestamp(now), seal.entryCount(), seal.firstId(), seal.lastId(),
				seal.entries(), seal.gaps(), seal.previousSignature(), seal.keyId(), seal.signature(),
				(deletedBefore != null) ? this.database.timestamp(deletedBefore) : null, prunedText);
		if (pruned != null) {
			int deleted = this.jdbc.update("DELETE FROM auditlog_seal WHERE table_name = ? AND id <= ?", table.name(),
					pruned.id());
			logger.info("Pruned {} seals of {} up to seal {}, made before {}", deleted, table.name(), pruned.id(),
					deletedBefore);
		}
		return seal;
	}

	/**
	 * A seal just made, and how many rows of its new range it read.
	 */
	private record Made(Seal seal, int rowsRead) {

	}

	private void run() {
		try {
			sealAllUnlessBusy();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not seal the audit log entries; trying again in {}", this.interval, ex);
		}
	}

	@Override
	public void start() {
		this.job.start();
	}

	@Override
	public void stop() {
		this.job.stop();
	}

	@Override
	public boolean isRunning() {
		return this.job.isRunning();
	}

}
