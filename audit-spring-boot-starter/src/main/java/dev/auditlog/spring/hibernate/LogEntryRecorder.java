package dev.auditlog.spring.hibernate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.core.AdditionalAuditData;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.ValueChange;
import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.EntityRef;
import dev.auditlog.diff.EntitySnapshot;
import dev.auditlog.diff.FieldPolicy;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.AdditionalDataProvider;
import dev.auditlog.spring.AuditlogProperties.OnError;
import dev.auditlog.spring.schema.AuditDatabase;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Turns the pending changes of a transaction into log entries and writes them: stamps
 * each change with who, from where and when as it happens, then, just before commit,
 * diffs, publishes {@link PreLogEvent}s, writes the surviving entries in one statement on
 * the transaction's connection and publishes {@link PostLogEvent}s.
 */
final class LogEntryRecorder {

	private static final Logger logger = LoggerFactory.getLogger(LogEntryRecorder.class);

	private final ChangeDetector detector;

	private final ValueFormatter formatter;

	private final ApplicationEventPublisher events;

	private final ActorResolution actorResolution;

	private final List<AdditionalDataProvider> additionalData;

	private final AuditEntryWriter writer;

	private final AuditDatabase database;

	private final OnError onError;

	private final Clock clock;

	private final StorableValues storable;

	private final RecordingMetrics metrics;

	private final LogEventListeners preLogListeners;

	private final LogEventListeners postLogListeners;

	LogEntryRecorder(ChangeDetector detector, ValueFormatter formatter, ApplicationEventPublisher events,
			ActorResolution actorResolution, List<AdditionalDataProvider> additionalData, AuditEntryWriter writer,
			AuditDatabase database, OnError onError, Clock clock, StorableValues storable, RecordingMetrics metrics) {
		this.detector = detector;
		this.formatter = formatter;
		this.events = events;
		this.actorResolution = actorResolution;
		this.additionalData = additionalData;
		this.writer = writer;
		this.database = database;
		this.onError = onError;
		this.clock = clock;
		this.storable = storable;
		this.metrics = metrics;
		this.preLogListeners = new LogEventListeners(events, PreLogEvent.class);
		this.postLogListeners = new LogEventListeners(events, PostLogEvent.class);
	}

	/**
	 * Record who, from where and when, at the moment of the change: an audit scope may be
	 * closed before the transaction commits.
	 */
	void stamp(PendingChange change) {
		AuditContext.Snapshot context = AuditContext.capture();
		change.timestamp = this.clock.instant();
		change.actor = this.actorResolution.currentActor();
		change.cid = context.cid();
		change.remoteAddr = context.remoteAddr();
	}

	/**
	 * Write the entries of a transaction that is about to commit, on its connection.
	 */
	void record(List<PendingChange> changes, SharedSessionContractImplementor session) {
		record(changes, session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection(),
				session.isTransactionInProgress(),
				(message, ex) -> session.getJdbcServices().getSqlExceptionHelper().convert(ex, message));
	}

	/**
	 * Write entries logged outside any transaction, at once, on a connection of their
	 * own.
	 */
	void recordNow(List<PendingChange> changes, DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			record(changes, connection, false, (message, ex) -> new UncategorizedSQLException(message, null, ex));
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("Could not obtain a connection for audit log entries", null, ex);
		}
	}

	private void record(List<PendingChange> changes, Connection connection, boolean inTransaction,
			BiFunction<String, SQLException, RuntimeException> translation) {
		List<LogEntry> entries = new ArrayList<>(changes.size());
		boolean preLog = this.preLogListeners.any();
		for (PendingChange change : changes) {
			collect(change, entries, preLog);
		}
		if (entries.isEmpty()) {
			return;
		}
		RecordingMetrics.Write observed = this.metrics.startWrite(entries.size());
		try {
			write(connection, entries, inTransaction);
		}
		catch (SQLException | RuntimeException ex) {
			observed.failed(ex);
			if (this.postLogListeners.any()) {
				for (LogEntry entry : entries) {
					this.events.publishEvent(new PostLogEvent(null, entry.changes(), false, ex));
				}
			}
			String message = "Could not write " + entries.size() + " audit log entries";
			if (this.onError == OnError.FAIL) {
				throw (ex instanceof SQLException sqlException) ? translation.apply(message, sqlException)
						: (RuntimeException) ex;
			}
			this.metrics.dropped(entries);
			logger.error("{}; the change is kept without them", message, ex);
			return;
		}
		observed.succeeded();
		this.metrics.written(entries);
		if (this.postLogListeners.any()) {
			for (LogEntry entry : entries) {
				this.events.publishEvent(new PostLogEvent(entry, entry.changes(), true, null));
			}
		}
	}

	private void write(Connection connection, List<LogEntry> entries, boolean inTransaction) throws SQLException {
		if (this.onError == OnError.FAIL || !inTransaction) {
			this.writer.write(connection, this.database, entries);
			return;
		}
		// a failed statement aborts a PostgreSQL transaction: isolate it so the change
		// can commit
		Savepoint savepoint = connection.setSavepoint();
		try {
			this.writer.write(connection, this.database, entries);
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback(savepoint);
			throw ex;
		}
		connection.releaseSavepoint(savepoint);
	}

	private void collect(PendingChange change, List<LogEntry> entries, boolean preLog) {
		FieldPolicy policy = change.model.policy();
		if (change.manualAction != null) {
			if (policy.logs(change.manualAction)) {
				Changes changes = this.detector.mask(Objects.requireNonNull(change.manualChanges), policy);
				add(change, change.manualAction, changes, null, null, entries, preLog);
			}
			return;
		}
		if (change.entityChanged && change.netAction() == null) {
			// created and deleted in this transaction: nothing happened
			return;
		}
		Action action = change.netAction();
		if (action != null && policy.logs(action)) {
			Changes changes = this.detector.diff(change.oldState(), change.newState(), policy);
			if (change.carriesCollections()) {
				changes = withInitialElements(changes, Objects.requireNonNull(change.collections), policy);
			}
			// Hibernate increments the @Version for a change of a collection or of a
			// field
			// that is not audited: the increment alone is no audited change
			boolean versionOnly = action == Action.UPDATE && change.model.isVersionOnly(changes);
			if ((!changes.isEmpty() || action != Action.UPDATE) && !versionOnly) {
				EntitySnapshot state = (change.after != null) ? change.after : change.before;
				add(change, action, changes, (state != null) ? this.detector.serialize(state, policy) : null,
						referenceLabels(changes, change.oldState(), change.newState(), policy), entries, preLog);
			}
		}
		if (change.coversCollections()) {
			// a create, or an update whose old state is unknown, carries the elements of
			// its collections; a delete covers them
			return;
		}
		if (change.collections != null && policy.logs(Action.UPDATE)) {
			change.collections.forEach((field, state) -> {
				for (Changes changes : this.detector.diffCollection(field, state.before, state.after,
						change.model.isOrdered(field), policy)) {
					add(change, Action.UPDATE, changes, null, null, entries, preLog);
				}
			});
		}
	}

	/**
	 * Add the initial elements of a new object's tracked collections to its CREATE entry,
	 * as {@code {"tags": {"type": "m2m", "operation": "add", ...}}}: one entry for one
	 * creation.
	 */
	private Changes withInitialElements(Changes changes, Map<String, PendingChange.CollectionState> collections,
			FieldPolicy policy) {
		Map<String, FieldChange> merged = new LinkedHashMap<>(changes.asMap());
		collections.forEach((field, state) -> {
			for (Changes added : this.detector.diffCollection(field, List.of(), state.after, policy)) {
				merged.putAll(added.asMap());
			}
		});
		return (merged.size() == changes.size()) ? changes : Changes.of(merged).withDisplayRules(policy.displayRules());
	}

	/**
	 * Return the labels of the to-one targets of the changed fields, as the entity knew
	 * them (nothing is loaded for them): field name to {@code [old label, new label]},
	 * {@code null} where not known. Masked fields have none.
	 */
	private static @Nullable Map<String, @Nullable Object> referenceLabels(Changes changes,
			@Nullable EntitySnapshot before, @Nullable EntitySnapshot after, FieldPolicy policy) {
		Map<String, @Nullable Object> labels = null;
		for (Map.Entry<String, FieldChange> field : changes.asMap().entrySet()) {
			if (!(field.getValue() instanceof ValueChange) || policy.isMasked(field.getKey())) {
				continue;
			}
			String oldLabel = labelOf((before != null) ? before.values().get(field.getKey()) : null);
			String newLabel = labelOf((after != null) ? after.values().get(field.getKey()) : null);
			if (oldLabel != null || newLabel != null) {
				labels = (labels != null) ? labels : new LinkedHashMap<>();
				labels.put(field.getKey(), Arrays.asList(oldLabel, newLabel));
			}
		}
		return (labels != null) ? Map.of(LogEntry.LABELS, labels) : null;
	}

	private static @Nullable String labelOf(@Nullable Object value) {
		return (value instanceof EntityRef ref) ? ref.repr() : null;
	}

	private void add(PendingChange change, Action action, Changes changes,
			@Nullable Map<String, @Nullable Object> serializedData, @Nullable Map<String, @Nullable Object> labels,
			List<LogEntry> entries, boolean preLog) {
		if (preLog) {
			PreLogEvent event = new PreLogEvent(change.model.type(), change.entity, action, changes);
			this.events.publishEvent(event);
			if (event.isVetoed()) {
				this.metrics.vetoed(action);
				return;
			}
		}
		Object key = keyOf(change.id);
		Map<String, @Nullable Object> additionalData = merge(
				merge(additionalData(change.entity, action), change.manualData), labels);
		// the entry's constructor fits its columns; the JSON values are fitted here
		StorableValues.Values values = this.storable.of(changes, additionalData, serializedData);
		entries
			.add(new LogEntry(null, change.timestamp, action, change.model.entityName(), this.formatter.formatKey(key),
					this.formatter.integralKey(key), representationOf(change), change.actor, change.remoteAddr,
					change.cid, values.changes(), values.additionalData(), values.serializedData(), change.tenant));
	}

	private static String representationOf(PendingChange change) {
		if (change.manualRepr != null) {
			return change.manualRepr;
		}
		return ObjectLabels.of(change.entity, change.model.entityName(), change.id);
	}

	private @Nullable Map<String, @Nullable Object> additionalData(Object entity, Action action) {
		Map<String, @Nullable Object> data = null;
		if (entity instanceof AdditionalAuditData source) {
			data = merge(data, source.additionalAuditData());
		}
		for (AdditionalDataProvider provider : this.additionalData) {
			data = merge(data, provider.additionalData(entity, action));
		}
		return data;
	}

	private static @Nullable Map<String, @Nullable Object> merge(@Nullable Map<String, @Nullable Object> data,
			@Nullable Map<String, @Nullable Object> more) {
		if (more == null || more.isEmpty()) {
			return data;
		}
		Map<String, @Nullable Object> merged = (data != null) ? data : new LinkedHashMap<>();
		merged.putAll(more);
		return merged;
	}

	/**
	 * Return a key as the formatter writes it: simple keys as they are, a composite key
	 * ({@code @EmbeddedId} or {@code @IdClass}) as a map of its fields.
	 */
	static Object keyOf(Object id) {
		if (id instanceof Number || id instanceof CharSequence || id instanceof UUID || id instanceof Enum<?>
				|| id instanceof java.time.temporal.Temporal || id instanceof java.util.Date) {
			return id;
		}
		Map<String, @Nullable Object> parts = new TreeMap<>();
		for (Class<?> type = id.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
					try {
						field.setAccessible(true);
						parts.putIfAbsent(field.getName(), field.get(id));
					}
					catch (ReflectiveOperationException | RuntimeException ex) {
						return id;
					}
				}
			}
		}
		return parts.isEmpty() ? id : parts;
	}

}
