package dev.auditlog.spring.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.auditlog.core.IntegrityProblem;
import dev.auditlog.core.IntegrityProblem.Kind;
import dev.auditlog.core.IntegrityReport;
import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies {@code auditlog_logentry} against its seals with plain JDBC, streaming: seal
 * ids are read a page at a time and the entries of one seal at a time, so memory stays
 * bounded by the size of a seal, not of the table.
 * <p>
 * For each seal: its signature with the key it names ({@code bad-signature}), its link to
 * the seal before ({@code broken-chain}; a gap in the seal numbers is a {@code missing}
 * seal); then each entry it lists must exist ({@code missing}) and hash to what it listed
 * ({@code modified}), and no entry may claim the seal without being listed
 * ({@code inserted}); a listed entry recorded before the instant of a retention
 * checkpoint may be gone. Then, for a window open to now: entries pointing to a seal
 * after the last one (a deleted last seal: {@code missing}), and entries waiting for a
 * seal, whose hash must match their content ({@code modified}), that must have a hash
 * once sealing began ({@code inserted}), and that must not wait longer than the longest
 * seal delay ({@code unsealed}).
 *
 * @since 0.2.0
 */
public final class IntegrityVerifier {

	private static final int SEALS_PER_PAGE = 1000;

	private static final String ENTRY_COLUMNS = "id, timestamp, action, model, object_pk, object_id, object_repr, "
			+ "changes, serialized_data, additional_data, actor, remote_addr, cid, hash, seal_id";

	private static final String SEAL_COLUMNS = "id, created, entry_count, first_id, last_id, entries, "
			+ "previous_signature, key_id, signature, deleted_before";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditDatabase database;

	private final SealKeys keys;

	private final Clock clock;

	private final Duration maxSealDelay;

	/**
	 * Create a verifier.
	 * @param dataSource the database holding the audit tables
	 * @param keys the keys the seals were signed with
	 * @param clock the time against which entries waiting for a seal are judged
	 * @param maxSealDelay how long an entry may wait for a seal before it is reported as
	 * {@code unsealed}
	 */
	public IntegrityVerifier(DataSource dataSource, SealKeys keys, Clock clock, Duration maxSealDelay) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(500);
		// one snapshot, so that seals made meanwhile do not look like tampering; and a
		// transaction, in which PostgreSQL streams rows by the fetch size
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.transaction.setReadOnly(true);
		this.database = Objects
			.requireNonNull(this.jdbc.execute((ConnectionCallback<AuditDatabase>) AuditDatabase::of));
		this.keys = keys;
		this.clock = clock;
		this.maxSealDelay = maxSealDelay;
	}

	/**
	 * Verify the seals created in a window and the entries they cover; with no end of the
	 * window, the entries not yet sealed too.
	 * @param from only seals created at or after this instant, {@code null} from the
	 * first
	 * @param to only seals created before this instant, {@code null} up to now
	 * @return the report
	 */
	public IntegrityReport verify(@Nullable Instant from, @Nullable Instant to) {
		return Objects.requireNonNull(this.transaction.execute((status) -> verifyInSnapshot(from, to)));
	}

	private IntegrityReport verifyInSnapshot(@Nullable Instant from, @Nullable Instant to) {
		Verification verification = new Verification(deletedBefore());
		Seal previous = (from != null) ? sealBefore(from) : null;
		long lastSealId = (previous != null) ? previous.id() : 0;
		while (true) {
			List<Long> page = sealIds(lastSealId, from, to);
			for (long sealId : page) {
				// one seal's list of entries in memory at a time
				Seal seal = this.jdbc.queryForObject("SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE id = ?",
						this::seal, sealId);
				checkSeal(seal, previous, (from == null && previous == null) ? 0L : null, verification);
				previous = seal;
				lastSealId = seal.id();
			}
			if (page.size() < SEALS_PER_PAGE) {
				break;
			}
		}
		if (to == null) {
			checkAfterLastSeal(lastSealId, verification);
			checkPending(verification);
		}
		return new IntegrityReport(verification.entries, verification.seals, verification.pending,
				verification.problems);
	}

	/**
	 * Return the latest instant before which entries were deleted on purpose, as the
	 * retention checkpoints with a good signature say, in microseconds since the epoch.
	 */
	private long deletedBefore() {
		long deletedBefore = Long.MIN_VALUE;
		for (Seal checkpoint : this.jdbc
			.query("SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE deleted_before IS NOT NULL", this::seal)) {
			Instant before = checkpoint.deletedBefore();
			if (before != null && this.keys.verify(checkpoint.keyId(), checkpoint.form(), checkpoint.signature())) {
				deletedBefore = Math.max(deletedBefore, Seal.micros(before));
			}
		}
		return deletedBefore;
	}

	private @Nullable Seal sealBefore(Instant from) {
		List<Seal> seals = this.jdbc.query(
				"SELECT " + SEAL_COLUMNS + " FROM auditlog_seal WHERE id = "
						+ "(SELECT MAX(id) FROM auditlog_seal WHERE created < ?)",
				this::seal, this.database.timestamp(from));
		return seals.isEmpty() ? null : seals.get(0);
	}

	private List<Long> sealIds(long after, @Nullable Instant from, @Nullable Instant to) {
		StringBuilder sql = new StringBuilder("SELECT id FROM auditlog_seal WHERE id > ?");
		List<Object> arguments = new ArrayList<>();
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

	private Seal seal(ResultSet rs, int row) throws SQLException {
		Instant deletedBefore = (rs.getObject(10) != null) ? this.database.timestamp(rs, 10) : null;
		return new Seal(rs.getLong(1), this.database.timestamp(rs, 2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), deletedBefore);
	}

	/**
	 * Check one seal and its entries.
	 * @param seal the seal
	 * @param previous the seal before it in this verification, if any
	 * @param chainStart the id after which seals must start when there is no previous one
	 * ({@code 0} when verifying from the first seal), {@code null} when unknown
	 */
	private void checkSeal(Seal seal, @Nullable Seal previous, @Nullable Long chainStart, Verification verification) {
		verification.seals++;
		long expected = (previous != null) ? previous.id() + 1 : (chainStart != null) ? chainStart + 1 : seal.id();
		for (long missing = expected; missing < seal.id(); missing++) {
			verification.add(IntegrityProblem.seal(missing, Kind.MISSING));
		}
		if (seal.id() == expected) {
			String chained = (previous != null) ? previous.signature() : "";
			if ((previous != null || seal.id() == 1) && !chained.equals(seal.previousSignature())) {
				verification.add(IntegrityProblem.seal(seal.id(), Kind.BROKEN_CHAIN));
			}
		}
		if (!this.keys.verify(seal.keyId(), seal.form(), seal.signature())) {
			verification.add(IntegrityProblem.seal(seal.id(), Kind.BAD_SIGNATURE));
		}
		Seal.Listed listed = seal.listed();
		if (listed == null) {
			verification.add(IntegrityProblem.seal(seal.id(), Kind.BAD_SIGNATURE));
			return;
		}
		boolean[] found = new boolean[listed.ids().length];
		this.jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM auditlog_logentry WHERE id BETWEEN ? AND ? OR seal_id = ? "
				+ "ORDER BY id", (rs) -> {
					long id = rs.getLong(1);
					long sealId = rs.getLong(15);
					boolean claimsSeal = !rs.wasNull() && sealId == seal.id();
					int index = Arrays.binarySearch(listed.ids(), id);
					if (index >= 0) {
						found[index] = true;
						verification.entries++;
						String hash = hash(rs);
						if (!listed.hashes()[index].equals(hash) || !listed.hashes()[index].equals(rs.getString(14))
								|| !claimsSeal) {
							verification.add(IntegrityProblem.entry(id, Kind.MODIFIED));
						}
					}
					else if (claimsSeal) {
						verification.entries++;
						verification.add(IntegrityProblem.entry(id, Kind.INSERTED));
					}
				}, seal.firstId(), seal.lastId(), seal.id());
		for (int i = 0; i < found.length; i++) {
			if (!found[i] && listed.timestamps()[i] >= verification.deletedBefore) {
				verification.add(IntegrityProblem.entry(listed.ids()[i], Kind.MISSING));
			}
		}
	}

	private void checkAfterLastSeal(long lastSealId, Verification verification) {
		this.jdbc.query(
				"SELECT DISTINCT seal_id FROM auditlog_logentry e WHERE seal_id > ? "
						+ "AND NOT EXISTS (SELECT 1 FROM auditlog_seal s WHERE s.id = e.seal_id) ORDER BY seal_id",
				(rs) -> {
					verification.add(IntegrityProblem.seal(rs.getLong(1), Kind.MISSING));
				}, lastSealId);
	}

	private void checkPending(Verification verification) {
		Long firstSealed = this.jdbc.queryForObject("SELECT MIN(first_id) FROM auditlog_seal", Long.class);
		Instant sealBy = this.clock.instant().minus(this.maxSealDelay);
		this.jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM auditlog_logentry WHERE seal_id IS NULL ORDER BY id",
				(rs) -> {
					long id = rs.getLong(1);
					verification.entries++;
					String stored = rs.getString(14);
					if (stored == null) {
						if (firstSealed != null && id >= firstSealed) {
							verification.add(IntegrityProblem.entry(id, Kind.INSERTED));
						}
						return;
					}
					if (!stored.equals(hash(rs))) {
						verification.add(IntegrityProblem.entry(id, Kind.MODIFIED));
					}
					else if (this.database.timestamp(rs, 2).isBefore(sealBy)) {
						verification.add(IntegrityProblem.entry(id, Kind.UNSEALED));
					}
					else {
						verification.pending++;
					}
				});
	}

	private @Nullable String hash(ResultSet rs) throws SQLException {
		long objectId = rs.getLong(6);
		Long nullableObjectId = rs.wasNull() ? null : objectId;
		try {
			return EntryHashes.logEntry(this.database.timestamp(rs, 2), rs.getInt(3), rs.getString(4), rs.getString(5),
					nullableObjectId, rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getString(11), rs.getString(12), rs.getString(13));
		}
		catch (RuntimeException ex) {
			// a column that cannot be read as written was changed
			return null;
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

		private final long deletedBefore;

		Verification(long deletedBefore) {
			this.deletedBefore = deletedBefore;
		}

		void add(IntegrityProblem problem) {
			if (this.problems.size() < IntegrityReport.MAX_PROBLEMS) {
				this.problems.add(problem);
			}
		}

	}

}
