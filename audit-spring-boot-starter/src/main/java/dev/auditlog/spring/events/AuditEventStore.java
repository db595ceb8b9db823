package dev.auditlog.spring.events;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.sql.DataSource;

import dev.auditlog.core.AuditContext;
import dev.auditlog.core.AuditJson;
import dev.auditlog.core.ClientAddress;
import dev.auditlog.core.StoredJson;
import dev.auditlog.core.StoredText;
import dev.auditlog.spring.integrity.EntryHashes;
import dev.auditlog.spring.schema.AuditDatabase;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes system events — authentication events, data exports, request errors and slow
 * requests — to the {@code auditlog_event} table, with the client address and correlation
 * id of the current {@link AuditContext}. Data that is not plain JSON is stored as text.
 * Every value fits its column on every database, as in {@code auditlog_logentry}: texts
 * are {@linkplain StoredText#fit(String, int) cleaned and fitted} (principal, type and
 * correlation id to {@value StoredText#COLUMN_LENGTH} characters, strings in the data to
 * the maximum value length), and the client address is
 * {@linkplain ClientAddress#normalize(String) normalised} or left out.
 *
 * @since 0.1.0
 */
public final class AuditEventStore {

	/** The principal of an event without an authenticated user. */
	public static final String ANONYMOUS = "anonymous";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditDatabase database;

	private final String insert;

	private final int maxValueLength;

	private final boolean hashing;

	private volatile EventCounters counters = EventCounters.NONE;

	/**
	 * Create a store on the given database that cuts string values in the data after
	 * 65,536 characters.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param clock the time of events recorded now
	 * @since 0.2.0
	 */
	public AuditEventStore(DataSource dataSource, Clock clock) {
		this(dataSource, clock, 65_536);
	}

	/**
	 * Create a store on the given database.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param clock the time of events recorded now
	 * @param maxValueLength the number of characters after which a string value in the
	 * data is cut with a marker (at least 64)
	 * @since 0.2.0
	 */
	public AuditEventStore(DataSource dataSource, Clock clock, int maxValueLength) {
		this(dataSource, clock, maxValueLength, false);
	}

	/**
	 * Create a store on the given database. The data is written as JSON by the audit
	 * log's own {@link AuditJson mapper}.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param clock the time of events recorded now
	 * @param maxValueLength the number of characters after which a string value in the
	 * data is cut with a marker (at least 64)
	 * @param hashing whether each event is written with its {@linkplain EntryHashes#event
	 * content hash} in {@code hash} (with {@code auditlog.integrity.enabled})
	 * @since 0.2.0
	 */
	public AuditEventStore(DataSource dataSource, Clock clock, int maxValueLength, boolean hashing) {
		this.maxValueLength = maxValueLength;
		this.hashing = hashing;
		this.jdbc = new JdbcTemplate(dataSource);
		this.clock = clock;
		try {
			this.database = AuditDatabase.of(dataSource);
		}
		catch (SQLException ex) {
			throw this.jdbc.getExceptionTranslator().translate("detecting the database", null, ex);
		}
		this.insert = "INSERT INTO auditlog_event (timestamp, principal, type, remote_addr, cid, data"
				+ (hashing ? ", hash" : "") + ") VALUES (?, ?, ?, ?, ?, " + this.database.jsonParameter()
				+ (hashing ? ", ?)" : ")");
	}

	/**
	 * Create a store on the given database that cuts string values in the data after
	 * 65,536 characters.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param json ignored: the data is written by the audit log's own mapper
	 * @param clock the time of events recorded now
	 * @deprecated since 0.2.0 for removal: the stored JSON no longer depends on the
	 * application's mapper; use {@link #AuditEventStore(DataSource, Clock)}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public AuditEventStore(DataSource dataSource, JsonMapper json, Clock clock) {
		this(dataSource, clock);
	}

	/**
	 * Create a store on the given database.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param json ignored: the data is written by the audit log's own mapper
	 * @param clock the time of events recorded now
	 * @param maxValueLength the number of characters after which a string value in the
	 * data is cut with a marker (at least 64)
	 * @deprecated since 0.2.0 for removal: the stored JSON no longer depends on the
	 * application's mapper; use {@link #AuditEventStore(DataSource, Clock, int)}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public AuditEventStore(DataSource dataSource, JsonMapper json, Clock clock, int maxValueLength) {
		this(dataSource, clock, maxValueLength);
	}

	/**
	 * Create a store on the given database.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param json ignored: the data is written by the audit log's own mapper
	 * @param clock the time of events recorded now
	 * @param maxValueLength the number of characters after which a string value in the
	 * data is cut with a marker (at least 64)
	 * @param hashing whether each event is written with its {@linkplain EntryHashes#event
	 * content hash} in {@code hash} (with {@code auditlog.integrity.enabled})
	 * @deprecated since 0.2.0 for removal: the stored JSON no longer depends on the
	 * application's mapper; use {@link #AuditEventStore(DataSource, Clock, int, boolean)}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public AuditEventStore(DataSource dataSource, JsonMapper json, Clock clock, int maxValueLength, boolean hashing) {
		this(dataSource, clock, maxValueLength, hashing);
	}

	/**
	 * Record an event that happens now.
	 * @param principal who caused it, or {@code null} for {@value #ANONYMOUS}
	 * @param type what happened, such as {@code DATA_EXPORT}
	 * @param data details
	 */
	public void record(@Nullable String principal, String type, Map<String, ? extends @Nullable Object> data) {
		record(this.clock.instant(), principal, type, AuditContext.remoteAddr(), data);
	}

	void record(Instant timestamp, @Nullable String principal, String type, @Nullable String remoteAddr,
			Map<String, ? extends @Nullable Object> data) {
		// what is not plain JSON is stored as its text, as before
		Object plain = StoredJson.of(data, this.maxValueLength, String::valueOf);
		String storedType = StoredText.fit(type, StoredText.COLUMN_LENGTH);
		try {
			String storedPrincipal = StoredText.fit((principal != null) ? principal : ANONYMOUS,
					StoredText.COLUMN_LENGTH);
			String storedAddress = ClientAddress.normalize(remoteAddr);
			String storedCid = StoredText.fitNullable(AuditContext.cid(), StoredText.COLUMN_LENGTH);
			String storedData = data.isEmpty() ? null : AuditJson.mapper().writeValueAsString(plain);
			Object storedTimestamp = this.database.timestamp(timestamp);
			if (this.hashing) {
				// the instant as stored: microseconds
				Instant stored = timestamp.truncatedTo(ChronoUnit.MICROS);
				this.jdbc.update(this.insert, this.database.timestamp(stored), storedPrincipal, storedType,
						storedAddress, storedCid, storedData,
						EntryHashes.event(stored, storedPrincipal, storedType, storedAddress, storedCid, storedData));
			}
			else {
				this.jdbc.update(this.insert, storedTimestamp, storedPrincipal, storedType, storedAddress, storedCid,
						storedData);
			}
		}
		catch (RuntimeException ex) {
			this.counters.failed(storedType);
			throw ex;
		}
		this.counters.written(storedType);
	}

	/**
	 * Count the events written and failed with the given counters.
	 */
	void countWith(EventCounters counters) {
		this.counters = counters;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	AuditDatabase database() {
		return this.database;
	}

}
