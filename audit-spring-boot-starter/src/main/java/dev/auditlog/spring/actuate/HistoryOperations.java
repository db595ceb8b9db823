package dev.auditlog.spring.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.auditlog.AuditLog;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.MaskedFieldSearchException;
import dev.auditlog.core.ObjectDiff;
import dev.auditlog.core.ObjectState;
import dev.auditlog.spring.actuate.AuditlogEndpoint.BadParameterException;
import dev.auditlog.spring.actuate.AuditlogEndpoint.ValuesNotShownException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The history questions of the {@link AuditlogEndpoint}: an object's state at an instant
 * ({@code /state}), its difference between two instants ({@code /diff}), and entries
 * filtered by a changed field ({@code changed}, {@code changedTo}, {@code changedFrom}).
 * <p>
 * The value filters are named {@code changedTo}/{@code changedFrom} rather than
 * {@code to}/{@code from}, which already bound the time range of the same request.
 */
final class HistoryOperations {

	static final String STATE = "state";

	static final String DIFF = "diff";

	private HistoryOperations() {
	}

	/**
	 * Refuse a filter on values when the caller is not shown values: the entries found
	 * would tell the values.
	 */
	static void requireShownForValues(boolean shown, @Nullable String changedTo, @Nullable String changedFrom) {
		if (shown) {
			return;
		}
		String parameter = (changedTo != null && !changedTo.isEmpty()) ? "changedTo"
				: (changedFrom != null && !changedFrom.isEmpty()) ? "changedFrom" : null;
		if (parameter != null) {
			throw new ValuesNotShownException(parameter, "Filtering by " + parameter
					+ " needs to be shown values (management.endpoint.auditlog.show-values)");
		}
	}

	static LogEntryQuery withChangedField(LogEntryQuery query, @Nullable String changed, @Nullable String changedTo,
			@Nullable String changedFrom) {
		String field = AuditlogEndpoint.notBlank("changed", changed);
		String to = AuditlogEndpoint.notBlank("changedTo", changedTo);
		String from = AuditlogEndpoint.notBlank("changedFrom", changedFrom);
		if (field == null) {
			if (to != null || from != null) {
				String parameter = (to != null) ? "changedTo" : "changedFrom";
				throw new BadParameterException(parameter,
						parameter + " needs changed: the name of the field whose value is given");
			}
			return query;
		}
		if ((to != null || from != null) && query.model() == null) {
			throw new BadParameterException("model", "changedTo and changedFrom need model: whether field '" + field
					+ "' is masked, and so not searchable by value, is known per model");
		}
		LogEntryQuery.Builder builder = query.toBuilder().changedField(field);
		if (to != null) {
			builder.changedTo(field, to);
		}
		if (from != null) {
			builder.changedFrom(field, from);
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException("changed", ex.getMessage());
		}
	}

	static LogEntryPage query(AuditLog auditLog, LogEntryQuery query) {
		try {
			return auditLog.query(query);
		}
		catch (MaskedFieldSearchException ex) {
			LogEntryQuery.ChangedField changed = query.changed();
			String parameter = (changed != null && changed.newValue() != null) ? "changedTo" : "changedFrom";
			throw new BadParameterException(parameter, ex.getMessage());
		}
	}

	static StateDescriptor state(AuditLog auditLog, boolean shown, @Nullable String model, @Nullable String objectPk,
			@Nullable String at) {
		String modelName = required("model", AuditlogEndpoint.notBlank("model", model));
		String pk = required("objectPk", AuditlogEndpoint.notBlank("objectPk", objectPk));
		Instant instant = required("at", AuditlogEndpoint.instant("at", at));
		ObjectState state;
		try {
			state = auditLog.stateAt(modelName, pk, instant);
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException("model", "model: " + ex.getMessage());
		}
		return StateDescriptor.of(state, shown);
	}

	static DiffDescriptor diff(AuditLog auditLog, boolean shown, @Nullable String model, @Nullable String objectPk,
			@Nullable String from, @Nullable String to) {
		String modelName = required("model", AuditlogEndpoint.notBlank("model", model));
		String pk = required("objectPk", AuditlogEndpoint.notBlank("objectPk", objectPk));
		Instant fromInstant = required("from", AuditlogEndpoint.instant("from", from));
		Instant toInstant = required("to", AuditlogEndpoint.instant("to", to));
		AuditlogEndpoint.requireOrdered(fromInstant, toInstant);
		ObjectDiff diff;
		try {
			diff = auditLog.diff(modelName, pk, fromInstant, toInstant);
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException("model", "model: " + ex.getMessage());
		}
		Map<String, List<@Nullable Object>> changes = new LinkedHashMap<>();
		diff.changes().forEach((field, values) -> {
			List<@Nullable Object> shownValues = new ArrayList<>(2);
			values.forEach((value) -> shownValues.add(shown ? value : masked(value)));
			changes.put(field, shownValues);
		});
		return new DiffDescriptor(diff.from().model(), diff.from().objectPk(), fromInstant.toString(),
				toInstant.toString(), diff.from().status().name(), diff.to().status().name(), diff.complete(), changes);
	}

	private static <T> T required(String parameter, @Nullable T value) {
		if (value == null) {
			throw new BadParameterException(parameter, parameter + " is required");
		}
		return value;
	}

	private static @Nullable Object masked(@Nullable Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map((element) -> AuditlogEndpoint.MASK).toList();
		}
		return (value != null) ? AuditlogEndpoint.MASK : null;
	}

	/**
	 * An object's audited state at an instant.
	 *
	 * @param model the entity name
	 * @param objectPk the object's key
	 * @param at the instant, ISO-8601 in UTC
	 * @param status {@code EXISTS}, {@code NOT_YET_CREATED}, {@code DELETED} or
	 * {@code UNKNOWN}
	 * @param values field name to value (a string, a list of strings, or null)
	 * @param complete whether every field of the model is known
	 * @param missingFields the fields whose value is not known
	 * @param earlierEntriesMissing whether entries before the oldest kept were deleted
	 * @param maskedFields the fields whose values are masked in the log
	 * @param cutFields the fields whose values were cut to fit the log
	 * @param lastEntryId the id of the last entry at or before the instant
	 * @param lastChange when that entry was recorded
	 */
	@JsonInclude(value = Include.ALWAYS, content = Include.ALWAYS)
	record StateDescriptor(String model, String objectPk, String at, String status,
			Map<String, @Nullable Object> values, boolean complete, Set<String> missingFields,
			boolean earlierEntriesMissing, Set<String> maskedFields, Set<String> cutFields, @Nullable Long lastEntryId,
			@Nullable String lastChange) implements OperationResponseBody {

		static StateDescriptor of(ObjectState state, boolean shown) {
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			state.values().forEach((field, value) -> values.put(field, shown ? value : masked(value)));
			return new StateDescriptor(state.model(), state.objectPk(), state.at().toString(), state.status().name(),
					values, state.complete(), state.missingFields(), state.earlierEntriesMissing(),
					state.maskedFields(), state.cutFields(), state.lastEntryId(),
					(state.lastChange() != null) ? state.lastChange().toString() : null);
		}

	}

	/**
	 * How an object's audited values differ between two instants.
	 *
	 * @param model the entity name
	 * @param objectPk the object's key
	 * @param from the first instant, ISO-8601 in UTC
	 * @param to the second instant
	 * @param fromStatus whether the object existed at the first instant
	 * @param toStatus whether it existed at the second
	 * @param complete whether every field was known at both instants
	 * @param changes field name to {@code [value at from, value at to]}, differing fields
	 * only
	 */
	@JsonInclude(value = Include.ALWAYS, content = Include.ALWAYS)
	record DiffDescriptor(String model, String objectPk, String from, String to, String fromStatus, String toStatus,
			boolean complete, Map<String, List<@Nullable Object>> changes) implements OperationResponseBody {

	}

}
