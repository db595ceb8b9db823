package dev.auditlog.spring.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.auditlog.core.IntegrityProblem;
import dev.auditlog.core.IntegrityProblem.Kind;
import dev.auditlog.core.IntegrityReport;
import dev.auditlog.spring.integrity.Seal.Gap;
import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies {@code auditlog_logentry} and {@code auditlog_event} against the seals of
 * their chains with plain JDBC, streaming: seals are read a page of ids at a time, and
 * the rows of one seal's id range by primary key, so memory stays bounded by the size of
 * a seal and of its open gaps, not of the table.
 * <p>
 * For each seal: its signature with the key it names ({@code bad-signature}), its link to
 * the seal before ({@code broken-chain}; a gap in the seal numbers is a {@code missing}
 * seal); then each entry it seals must exist ({@code missing}) and hash to what it listed
 * ({@code modified}); every other row in its id range must be in one of its open gaps,
 * and no row may be in a gap it closed ({@code inserted}); a listed entry recorded before
 * the instant of a retention checkpoint may be gone. Then, for a window open to now: rows
 * above the last seal's range and rows in its open gaps are pending; their hash must
 * match their content ({@code modified}), they must have a hash once sealing began
 * ({@code inserted}), and they must not wait longer than the longest seal delay
 * ({@code unsealed}).
 *
 * @since 0.2.0
 */
public final class IntegrityVerifier {

	static final String SEAL_COLUMNS = "table_name, id, created, entry_count, first_id, last_id, entries, gaps, "
			+ "previous_signature, key_id, signature, deleted_before, pruned";

	private static final int SEALS_PER_PAGE = 1000;

	private static final int IDS_PER_QUERY = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditDatabase database;

	private final SealKeys keys;

	private final Clock clock;

	private final Duration maxSealDelay;

	private final long unhashedUntil;

	/**
	 * Create a verifier.
	 * @param dataSource the database holding the audit tables
	 * @param keys the keys the seals were signed with (for Ed25519 seals, the public keys
	 * are enough)
	 * @param clock the time against which entries waiting for a seal are judged
	 * @param maxSealDelay how long an entry may wait for a seal before it is reported as
	 * {@code unsealed}
	 */
	public IntegrityVerifier(DataSource dataSource, SealKeys keys, Clock clock, Duration maxSealDelay) {
		this(dataSource, keys, clock, maxSealDelay, null);
	}

	/**
	 * Create a verifier with a grace for rows without a content hash.
	 * @param dataSource the database holding the audit tables
	 * @param keys the keys the seals were signed with (for Ed25519 seals, the public keys
	 * are enough)
	 * @param clock the time against which entries waiting for a seal are judged
	 * @param maxSealDelay how long an entry may wait for a seal before it is reported as
	 * {@code unsealed}
	 * @param unhashedUntil rows without a content hash recorded before this instant and
	 * waiting for a seal are pending, not {@code inserted} (the seal job seals them by
	 * their presence); {@code null} for no grace
	 */
	public IntegrityVerifier(DataSource dataSource, SealKeys keys, Clock clock, Duration maxSealDelay,
			@Nullable Instant unhashedUntil) {
		this.unhashedUntil = (unhashedUntil != null) ? Seal.micros(unhashedUntil) : Long.MIN_VALUE;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
		// one snapshot, so that seals made meanwhile do not look like tampering; and a
		// transaction, in which PostgreSQL streams rows by the fetch size
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.transaction.setReadOnly(true);
		try {
			this.database = AuditDatabase.of(dataSource);
		}
		catch (SQLException ex) {
			throw this.jdbc.getExceptionTranslator().translate("detecting the database", null, ex);
		}
		this.keys = keys;
		this.clock = clock;
		this.maxSealDelay = maxSealDelay;
	}

	/**
	 * Verify the seals created in a window and the entries and events they cover; with no
	 * end of the window, the rows not yet sealed too.
	 * @param from only seals created at or after this instant, {@code null} from the
	 * first
	 * @param to only seals created before this instant, {@code null} up to now
	 * @return the report: {@code entries} counts log entries and events, {@code seals}
	 * the seals of both chains
	 */
	public IntegrityReport verify(@Nullable Instant from, @Nullable Instant to) {
		return Objects.requireNonNull(this.transaction.execute((status) -> verifyInSnapshot(from, to)));
	}

	/**
	 * Verify as {@link #verify(Instant, Instant)} does, and compare the seals published
	 * outside the database with those in it: each must be stored with the signature
	 * published, or have been pruned by a retention checkpoint; else it is reported as a
	 * {@code missing} seal (gone, or replaced by another seal of the same number).
	 * @param from only seals created at or after this instant, {@code null} from the
	 * first
	 * @param to only seals created before this instant, {@code null} up to now
	 * @param published the seals published, in any order
	 * @return the report
	 */
	public IntegrityReport verify(@Nullable Instant from, @Nullable Instant to, List<PublishedSeal> published) {
		return Objects.requireNonNull(this.transaction.execute((status) -> {
			IntegrityReport report = verifyInSnapshot(from, to);
			List<IntegrityProblem> problems = new ArrayList<>(report.problems());
			for (SealedTable table : SealedTable.ALL) {
				Seal.Pruned pruned = checkpoints(table).pruned;
				for (PublishedSeal seal : published) {
					if (!seal.table().equals(table.name()) || (pruned != null && seal.id() <= pruned.id())) {
						continue;
					}
					List<String> stored = this.jdbc.queryForList(
							"SELECT signature FROM auditlog_seal WHERE table_name = ? AND id = ?", String.class,
							table.name(), seal.id());
					IntegrityProblem problem = IntegrityProblem.of(table.name(), null, seal.id(), Kind.MISSING);
					if ((stored.isEmpty() || !stored.get(0).equals(seal.signature())) && !problems.contains(problem)
							&& problems.size() < IntegrityReport.MAX_PROBLEMS) {
						problems.add(problem);
					}
				}
			}
			return new IntegrityReport(report.entries(), report.seals(), report.pending(), problems);
		}));
	}

	private IntegrityReport verifyInSnapshot(@Nullable Instant from, @Nullable Instant to) {
		Verification verification = new Verification();
		for (SealedTable table : SealedTable.ALL) {
			verifyTable(table, from, to, verification);
		}
		return new IntegrityReport(verification.entries, verification.seals, verification.pending,
				verification.problems);
	}

	private void verifyTable(SealedTable table, @Nullable Instant from, @Nullable Instant to,
			Verification verification) {
		Chain chain = checkpoints(table);
		Seal previous = (from != null) ? sealBefore(table, from) : null;
		long lastSealId = (previous != null) ? previous.id() : 0;
		chain.high = (previous != null) ? previous.lastId() : Long.MIN_VALUE;
		chain.open = (previous != null) ? gapsOrEmpty(previous) : List.of();
		if (from == null) {
			chain.startId = 0L;
			chain.startSignature = "";
			Seal.Pruned pruned = chain.pruned;
			if (pruned != null) {
				// the seals up to it were pruned by a retention checkpoint
				chain.startId = pruned.id();
				chain.startSignature = pruned.signature();
				chain.open = pruned.gaps();
				chain.high = pruned.lastId();
				lastSealId = pruned.id();
				checkPruned(chain, pruned, verification);
			}
		}
		while (true) {
			List<Long> page = sealIds(table, lastSealId, from, to);
			for (long sealId : page) {
				// one seal's list of entries in memory at a time
				Seal seal = this.jdbc.queryForObject(
						"SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE table_name = ? AND id = ?",
						(rs, row) -> seal(this.database, rs), table.name(), sealId);
				checkSeal(chain, seal, previous, verification);
				previous = seal;
				lastSealId = seal.id();
			}
			if (page.size() < SEALS_PER_PAGE) {
				break;
			}
		}
		if (to == null) {
			checkPending(chain, previous != null, verification);
		}
	}

	private static List<Gap> gapsOrEmpty(Seal seal) {
		List<Gap> gaps = seal.openGaps();
		return (gaps != null) ? gaps : List.of();
	}

	/**
	 * Read the retention checkpoints with a good signature: the latest instant before
	 * which entries were deleted on purpose, and the last seal pruned.
	 */
	private Chain checkpoints(SealedTable table) {
		long deletedBefore = Long.MIN_VALUE;
		Seal.Pruned pruned = null;
		for (Seal checkpoint : this.jdbc.query(
				"SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE table_name = ? AND deleted_before IS NOT NULL",
				(rs, row) -> seal(this.database, rs), table.name())) {
			Instant before = checkpoint.deletedBefore();
			if (before != null && this.keys.verify(checkpoint.keyId(), checkpoint.form(), checkpoint.signature())) {
				deletedBefore = Math.max(deletedBefore, Seal.micros(before));
				Seal.Pruned some = checkpoint.prunedSeals();
				if (some != null && (pruned == null || some.id() > pruned.id())) {
					pruned = some;
				}
			}
		}
		return new Chain(table, deletedBefore, pruned);
	}

	/**
	 * Check the rows at or below the last pruned seal's range: they were all deleted by
	 * retention, but for late entries in its open gaps (sealed by seals kept) and rows
	 * recorded before the checkpoint's instant that are still to be deleted.
	 */
	private void checkPruned(Chain chain, Seal.Pruned pruned, Verification verification) {
		String table = chain.table.name();
		this.jdbc.query("SELECT id, timestamp FROM " + table + " WHERE id <= ? ORDER BY id", (rs) -> {
			long id = rs.getLong(1);
			if (!Gap.contains(pruned.gaps(), id)
					&& Seal.micros(this.database.timestamp(rs, 2)) >= chain.deletedBefore) {
				verification.entries++;
				verification.add(IntegrityProblem.of(table, id, null, Kind.INSERTED));
			}
		}, pruned.lastId());
	}

	private @Nullable Seal sealBefore(SealedTable table, Instant from) {
		List<Seal> seals = this.jdbc.query(
				"SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE table_name = ? AND id = "
						+ "(SELECT MAX(id) FROM auditlog_seal WHERE table_name = ? AND created < ?)",
				(rs, row) -> seal(this.database, rs), table.name(), table.name(), this.database.timestamp(from));
		return seals.isEmpty() ? null : seals.get(0);
	}

	private List<Long> sealIds(SealedTable table, long after, @Nullable Instant from, @Nullable Instant to) {
		StringBuilder sql = new StringBuilder("SELECT id FROM auditlog_seal WHERE table_name = ? AND id > ?");
		List<Object> arguments = new ArrayList<>();
		arguments.add(table.name());
		arguments.add(after);
		if (from != null) {
			sql.append(" AND created >= ?");
			arguments.add(this.database.timestamp(from));
		}
		if (to != null) {
			sql.append(" AND created < ?");
			arguments.add(this.database.timestamp(to));
		}
		sql.append(" ORDER BY id");
		JdbcTemplate page = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getDataSource()));
		page.setMaxRows(SEALS_PER_PAGE);
		return page.queryForList(sql.toString(), Long.class, arguments.toArray());
	}

	static Seal seal(AuditDatabase database, ResultSet rs) throws SQLException {
		Instant deletedBefore = (rs.getObject(12) != null) ? database.timestamp(rs, 12) : null;
		return new Seal(rs.getString(1), rs.getLong(2), database.timestamp(rs, 3), rs.getInt(4), rs.getLong(5),
				rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
				deletedBefore, rs.getString(13));
	}

	/**
	 * Check one seal and the rows of its range, its late entries and the gaps it closed.
	 * @param chain the state of the table's chain before this seal
	 * @param seal the seal
	 * @param previous the seal before it in this verification, if any
	 */
	private void checkSeal(Chain chain, Seal seal, @Nullable Seal previous, Verification verification) {
		String table = chain.table.name();
		verification.seals++;
		Long startId = chain.startId;
		long expected = (previous != null) ? previous.id() + 1 : (startId != null) ? startId + 1 : seal.id();
		for (long missing = expected; missing < seal.id(); missing++) {
			verification.add(IntegrityProblem.of(table, null, missing, Kind.MISSING));
		}
		if (seal.id() == expected) {
			String chained = (previous != null) ? previous.signature() : chain.startSignature;
			if (chained != null && !chained.equals(seal.previousSignature())) {
				verification.add(IntegrityProblem.of(table, null, seal.id(), Kind.BROKEN_CHAIN));
			}
		}
		if (!this.keys.verify(seal.keyId(), seal.form(), seal.signature())) {
			verification.add(IntegrityProblem.of(table, null, seal.id(), Kind.BAD_SIGNATURE));
		}
		Seal.Listed listed = seal.listed();
		List<Gap> open = seal.openGaps();
		if (listed == null || open == null) {
			verification.add(IntegrityProblem.of(table, null, seal.id(), Kind.BAD_SIGNATURE));
			return;
		}
		boolean[] found = new boolean[listed.ids().length];
		RowCallbackHandler check = (rs) -> {
			long id = rs.getLong(1);
			int index = Arrays.binarySearch(listed.ids(), id);
			if (index >= 0) {
				found[index] = true;
				verification.entries++;
				String stored = rs.getString(chain.table.hashColumn());
				if (Seal.UNHASHED.equals(listed.hashes()[index])) {
					// sealed by its presence only: it must still be without a hash
					if (stored != null) {
						verification.add(IntegrityProblem.of(table, id, null, Kind.MODIFIED));
					}
				}
				else if (!listed.hashes()[index].equals(chain.table.hash(this.database, rs))
						|| !listed.hashes()[index].equals(stored)) {
					verification.add(IntegrityProblem.of(table, id, null, Kind.MODIFIED));
				}
			}
			else if (!Gap.contains(open, id)) {
				// in this seal's range, or in a gap it closed: no seal can have it
				verification.entries++;
				verification.add(IntegrityProblem.of(table, id, null, Kind.INSERTED));
			}
		};
		// late entries and the gaps closed by this seal: the gaps open before it
		List<Gap> before = chain.open;
		readGaps(chain, table, check);
		// entries listed below its range that were not in an open gap before it
		List<Long> stray = new ArrayList<>();
		for (long id : listed.ids()) {
			if (id < seal.firstId() && !Gap.contains(before, id)) {
				stray.add(id);
			}
		}
		for (int from = 0; from < stray.size(); from += IDS_PER_QUERY) {
			List<Long> some = stray.subList(from, Math.min(stray.size(), from + IDS_PER_QUERY));
			this.jdbc.query("SELECT " + chain.table.columns() + " FROM " + table + " WHERE id IN ("
					+ String.join(", ", Collections.nCopies(some.size(), "?")) + ")", check, some.toArray());
		}
		// its own range, by primary key
		if (seal.firstId() <= seal.lastId()) {
			this.jdbc.query(
					"SELECT " + chain.table.columns() + " FROM " + table + " WHERE id BETWEEN ? AND ? " + "ORDER BY id",
					check, seal.firstId(), seal.lastId());
		}
		for (int i = 0; i < found.length; i++) {
			if (!found[i] && listed.timestamps()[i] >= chain.deletedBefore) {
				verification.add(IntegrityProblem.of(table, listed.ids()[i], null, Kind.MISSING));
			}
		}
		chain.open = open;
		chain.high = Math.max(chain.high, seal.lastId());
	}

	/**
	 * Check the rows waiting for a seal: above the last seal's range, or in its open
	 * gaps.
	 */
	private void checkPending(Chain chain, boolean sealed, Verification verification) {
		String table = chain.table.name();
		Instant sealBy = this.clock.instant().minus(this.maxSealDelay);
		RowCallbackHandler check = (rs) -> {
			long id = rs.getLong(1);
			verification.entries++;
			String stored = rs.getString(chain.table.hashColumn());
			if (stored == null) {
				if (Seal.micros(this.database.timestamp(rs, 2)) < this.unhashedUntil) {
					verification.pending++;
				}
				else if (sealed) {
					verification.add(IntegrityProblem.of(table, id, null, Kind.INSERTED));
				}
				return;
			}
			if (!stored.equals(chain.table.hash(this.database, rs))) {
				verification.add(IntegrityProblem.of(table, id, null, Kind.MODIFIED));
			}
			else if (this.database.timestamp(rs, 2).isBefore(sealBy)) {
				verification.add(IntegrityProblem.of(table, id, null, Kind.UNSEALED));
			}
			else {
				verification.pending++;
			}
		};
		readGaps(chain, table, check);
		if (sealed) {
			this.jdbc.query("SELECT " + chain.table.columns() + " FROM " + table + " WHERE id > ? ORDER BY id", check,
					chain.high);
		}
		else {
			this.jdbc.query("SELECT " + chain.table.columns() + " FROM " + table + " ORDER BY id", check);
		}
	}

	/**
	 * Where the verification of one table's chain is.
	 */
	/**
	 * Read the rows whose ids lie in the chain's open gaps, in id order, a bounded number
	 * of gaps per query.
	 */
	private void readGaps(Chain chain, String table, RowCallbackHandler check) {
		List<Gap> open = chain.open;
		for (int from = 0; from < open.size(); from += IDS_PER_QUERY) {
			List<Gap> some = open.subList(from, Math.min(open.size(), from + IDS_PER_QUERY));
			StringBuilder sql = new StringBuilder("SELECT " + chain.table.columns() + " FROM " + table + " WHERE ");
			List<Object> arguments = new ArrayList<>();
			for (Gap gap : some) {
				sql.append(arguments.isEmpty() ? "" : " OR ").append("id BETWEEN ? AND ?");
				arguments.add(gap.first());
				arguments.add(gap.last());
			}
			this.jdbc.query(sql.append(" ORDER BY id").toString(), check, arguments.toArray());
		}
	}

	private static final class Chain {

		private final SealedTable table;

		private final long deletedBefore;

		private final Seal.@Nullable Pruned pruned;

		private List<Gap> open = List.of();

		private long high;

		/** The id after which the seals verified must start, when known. */
		private @Nullable Long startId;

		/** The signature the first seal verified must carry, when known. */
		private @Nullable String startSignature;

		Chain(SealedTable table, long deletedBefore, Seal.@Nullable Pruned pruned) {
			this.table = table;
			this.deletedBefore = deletedBefore;
			this.pruned = pruned;
		}

	}

	/**
	 * What one verification has counted and found so far.
	 */
	private static final class Verification {

		private long entries;

		private long seals;

		private long pending;

		private final List<IntegrityProblem> problems = new ArrayList<>();

		void add(IntegrityProblem problem) {
			if (this.problems.size() < IntegrityReport.MAX_PROBLEMS) {
				this.problems.add(problem);
			}
		}

	}

}
