package dev.auditlog.spring.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.IntegrityReport;
import dev.auditlog.core.StoredText;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.query.LogEntrySummary;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} to browse the audit log: pages of entries newest first with
 * filters and a keyset cursor, one entry by id, and a summary of a recent window.
 * Deleting old entries ({@code DELETE}) is a write operation: like Spring Boot's
 * {@code shutdown} endpoint, the endpoint's default access is read-only, so it is offered
 * only with {@code management.endpoint.auditlog.access: unrestricted} (or the deprecated
 * {@code auditlog.endpoint.flush-enabled: true}).
 * <p>
 * The endpoint is technology-neutral, as Boot's own: its operations return records and
 * answer bad input with a {@link BadParameterException} naming the parameter, a value
 * filter the caller is not shown with a {@link ValuesNotShownException}, and an unknown
 * entry id with {@code null}. {@link AuditlogEndpointWebExtension} turns these into the
 * HTTP statuses {@code 400}, {@code 403} and {@code 404} with a JSON body naming the
 * parameter. Every parameter is taken as text and converted here rather than by Boot,
 * whose conversion failures answer a generic {@code 400} that names no parameter.
 * <p>
 * Values are shown as {@code management.endpoint.auditlog.show-values} allows, evaluated
 * as Boot does for {@code env}: otherwise every value inside {@code changes},
 * {@code changesDisplay}, {@code changesText}, {@code objectRepr}, {@code actor},
 * {@code remoteAddr}, {@code additionalData} and {@code serializedData} is shown as
 * {@value #MASK} (field names and keys stay), the summary shows no actor names, and
 * filtering by actor is refused. The id, timestamp, action, model, keys and correlation
 * id are always shown.
 *
 * @since 0.1.0
 * @see AuditlogEndpointWebExtension
 */
@Endpoint(id = "auditlog", defaultAccess = Access.READ_ONLY)
// the answers of entry(...) are typed by their interface only: bind them all for AOT
@RegisterReflectionForBinding({ AuditlogEndpoint.EntriesDescriptor.class, AuditlogEndpoint.EntryDescriptor.class,
		AuditlogEndpoint.SummaryDescriptor.class, AuditlogEndpoint.VerifyDescriptor.class,
		AuditlogEndpoint.ProblemDescriptor.class, AuditlogEndpoint.FlushDescriptor.class,
		HistoryOperations.StateDescriptor.class, HistoryOperations.DiffDescriptor.class })
public class AuditlogEndpoint {

	/** The number of days a summary covers when none is given. */
	public static final int DEFAULT_SUMMARY_DAYS = 30;

	/** The largest number of days a summary may cover. */
	public static final int MAX_SUMMARY_DAYS = 36_500;

	/** What a value is shown as when values are not shown. */
	public static final String MASK = "******";

	private static final String SUMMARY = "summary";

	private static final String VERIFY = "verify";

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,19}");

	private static final Pattern ACTION_NUMBER = Pattern.compile("[0-9]");

	private final AuditLog auditLog;

	private final LogEntryRepository repository;

	private final Clock clock;

	private final Show showValues;

	private final Set<String> roles;

	private @Nullable TenantReadRestriction tenantRestriction;

	/**
	 * Create an endpoint reading the given audit log.
	 * @param auditLog the audit log, which reads entries with their display labels
	 * @param repository the store of entries, which counts them for the summary
	 */
	public AuditlogEndpoint(AuditLog auditLog, LogEntryRepository repository) {
		this(auditLog, repository, Show.WHEN_AUTHORIZED, Set.of());
	}

	/**
	 * Create an endpoint reading the given audit log, showing values as configured.
	 * @param auditLog the audit log, which reads entries with their display labels
	 * @param repository the store of entries, which counts them for the summary
	 * @param showValues when to show values
	 * @param roles the roles that may see values under {@link Show#WHEN_AUTHORIZED}; when
	 * empty, every authenticated user may
	 */
	public AuditlogEndpoint(AuditLog auditLog, LogEntryRepository repository, Show showValues, Set<String> roles) {
		this(auditLog, repository, Clock.systemUTC(), showValues, roles);
	}

	AuditlogEndpoint(AuditLog auditLog, LogEntryRepository repository, Clock clock) {
		this(auditLog, repository, clock, Show.WHEN_AUTHORIZED, Set.of());
	}

	AuditlogEndpoint(AuditLog auditLog, LogEntryRepository repository, Clock clock, Show showValues,
			Set<String> roles) {
		this.auditLog = auditLog;
		this.repository = repository;
		this.clock = clock;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
	}

	/**
	 * Restrict every read to the entries of the reader's tenant: a {@code tenant}
	 * parameter naming another tenant is refused with {@code 403}, and the summary counts
	 * the reader's tenant only.
	 * @param restriction gives the reader's tenant
	 */
	void restrictTenantReadsWith(TenantReadRestriction restriction) {
		this.tenantRestriction = restriction;
	}

	/**
	 * Return one page of entries, newest first.
	 * @param securityContext the caller, who may or may not be shown values
	 * @param model only entries of this entity name
	 * @param objectPk only entries of the object with this primary key (needs
	 * {@code model})
	 * @param actor only entries made by this actor
	 * @param action only entries with one of these actions: names or numbers separated by
	 * commas (several {@code action} parameters arrive joined by commas)
	 * @param cid only entries with this correlation id
	 * @param from only entries recorded at or after this instant or day
	 * @param to only entries recorded before this instant or day
	 * @param before the cursor: only entries after the entry with this id
	 * @param size the number of entries, 1 to 500, 50 when not given
	 * @param changed only entries that changed this field
	 * @param changedTo only entries that changed the field {@code changed} to this value
	 * @param changedFrom only entries that changed the field {@code changed} from this
	 * value
	 * @param tenant only entries of this tenant
	 * @return the page
	 * @throws BadParameterException if a parameter cannot be used
	 * @throws ValuesNotShownException if the caller filters by actor or value but is not
	 * shown values, or asks for another tenant than the reader's when reads are
	 * restricted to it
	 */
	@ReadOperation
	public EntriesDescriptor entries(SecurityContext securityContext, @Nullable String model, @Nullable String objectPk,
			@Nullable String actor, @Nullable String action, @Nullable String cid, @Nullable String from,
			@Nullable String to, @Nullable String before, @Nullable String size, @Nullable String changed,
			@Nullable String changedTo, @Nullable String changedFrom, @Nullable String tenant) {
		boolean shown = shown(securityContext, actor);
		HistoryOperations.requireShownForValues(shown, changedTo, changedFrom);
		LogEntryQuery query = query(model, objectPk, actor, action, cid, from, to, before, size);
		query = query.toBuilder().tenant(readableTenant(tenant)).build();
		query = HistoryOperations.withChangedField(query, changed, changedTo, changedFrom);
		LogEntryPage page;
		try {
			page = HistoryOperations.query(this.auditLog, query);
		}
		catch (IllegalArgumentException ex) {
			// a model that stands for models of several databases
			throw new BadParameterException("model", ex.getMessage());
		}
		return new EntriesDescriptor(page.entries().stream().map((entry) -> EntryDescriptor.of(entry, shown)).toList(),
				page.next());
	}

	/**
	 * Return one page of entries of every tenant (or of the reader's, when reads are
	 * restricted), newest first:
	 * {@link #entries(SecurityContext, String, String, String, String, String, String, String, String, String, String, String, String, String)}
	 * without a tenant filter.
	 * @param securityContext the caller, who may or may not be shown values
	 * @param model only entries of this entity name
	 * @param objectPk only entries of the object with this primary key
	 * @param actor only entries made by this actor
	 * @param action only entries with one of these actions: names or numbers separated by
	 * commas (several {@code action} parameters arrive joined by commas)
	 * @param cid only entries with this correlation id
	 * @param from only entries recorded at or after this instant or day
	 * @param to only entries recorded before this instant or day
	 * @param before the cursor: only entries after the entry with this id
	 * @param size the number of entries, 1 to 500, 50 when not given
	 * @param changed only entries that changed this field
	 * @param changedTo only entries that changed the field {@code changed} to this value
	 * @param changedFrom only entries that changed the field {@code changed} from this
	 * value
	 * @return the page
	 * @throws BadParameterException if a parameter cannot be used
	 * @throws ValuesNotShownException if the caller filters by actor or value but is not
	 * shown values
	 */
	public EntriesDescriptor entries(SecurityContext securityContext, @Nullable String model, @Nullable String objectPk,
			@Nullable String actor, @Nullable String action, @Nullable String cid, @Nullable String from,
			@Nullable String to, @Nullable String before, @Nullable String size, @Nullable String changed,
			@Nullable String changedTo, @Nullable String changedFrom) {
		return entries(securityContext, model, objectPk, actor, action, cid, from, to, before, size, changed, changedTo,
				changedFrom, null);
	}

	/**
	 * Return the tenant to filter on: the one asked for, checked, or the reader's when
	 * reads are restricted.
	 */
	private @Nullable String readableTenant(@Nullable String tenant) {
		String asked = notBlank("tenant", tenant);
		String stored = (asked != null) ? StoredText.fit(asked, StoredText.COLUMN_LENGTH) : null;
		String own = restrictedTenant();
		if (own == null) {
			return stored;
		}
		if (stored != null && !stored.equals(own)) {
			throw new ValuesNotShownException("tenant", "Reads are restricted to the reader's own tenant "
					+ "(auditlog.tenant.restrict-reads): tenant must name it or be left out");
		}
		return own;
	}

	/**
	 * Refuse an operation over every tenant's entries to a reader restricted to one.
	 */
	private void requireEveryTenant(String reason) {
		if (restrictedTenant() != null) {
			throw new ValuesNotShownException("tenant",
					"Reads are restricted to the reader's own tenant (auditlog.tenant.restrict-reads): " + reason
							+ ", so only a reader of every tenant (a root tenant) may");
		}
	}

	private @Nullable String restrictedTenant() {
		return TenantReadRestriction.readableTenant(this.tenantRestriction);
	}

	/**
	 * Return one entry, the summary of a recent window when the selector is
	 * {@code summary}, the result of verifying the log's integrity when it is
	 * {@code verify}, an object's audited state at an instant when it is {@code state},
	 * or how it differs between two instants when it is {@code diff}. (Boot's endpoint
	 * layer maps each operation to a path of variable segments, so the named views share
	 * the selector with the entry id.)
	 * @param securityContext the caller, who may or may not be shown values
	 * @param id the entry's id, {@code summary}, {@code verify}, {@code state} or
	 * {@code diff}
	 * @param days the number of days the summary covers, up to now; 30 when not given
	 * @param actor only count the entries of this actor in the summary
	 * @param from verify only the seals created at or after this instant or day; the
	 * first instant of a diff
	 * @param to verify only the seals created before this instant or day; the second
	 * instant of a diff
	 * @param model the entity name of the object of a state or diff
	 * @param objectPk the key of the object of a state or diff
	 * @param at the instant of a state
	 * @return an {@link EntryDescriptor}, a {@link SummaryDescriptor}, a
	 * {@link VerifyDescriptor}, an object's state or its diff; {@code null} when no entry
	 * has the id
	 * @throws BadParameterException if a parameter cannot be used
	 * @throws ValuesNotShownException if the caller filters the summary by actor but is
	 * not shown values
	 * @throws UnsupportedOperationException if the selected view is not available, such
	 * as {@code verify} when integrity protection is not enabled
	 */
	@ReadOperation
	public @Nullable OperationResponseBody entry(SecurityContext securityContext, @Selector String id,
			@Nullable String days, @Nullable String actor, @Nullable String from, @Nullable String to,
			@Nullable String model, @Nullable String objectPk, @Nullable String at) {
		return switch (id) {
			case HistoryOperations.STATE ->
				HistoryOperations.state(this.auditLog, shown(securityContext, null), model, objectPk, at);
			case HistoryOperations.DIFF ->
				HistoryOperations.diff(this.auditLog, shown(securityContext, null), model, objectPk, from, to);
			case SUMMARY -> summary(days, actor, shown(securityContext, actor));
			case VERIFY -> {
				requireEveryTenant("verifying covers the entries of every tenant");
				yield verify(from, to);
			}
			default -> find(id, shown(securityContext, null));
		};
	}

	private @Nullable EntryDescriptor find(String id, boolean shown) {
		return this.auditLog.find(entryId("id", id)).map((found) -> EntryDescriptor.of(found, shown)).orElse(null);
	}

	private VerifyDescriptor verify(@Nullable String from, @Nullable String to) {
		Instant fromInstant = instant("from", from);
		Instant toInstant = instant("to", to);
		requireOrdered(fromInstant, toInstant);
		return VerifyDescriptor.of(this.auditLog.verify(fromInstant, toInstant));
	}

	/**
	 * Delete the entries recorded strictly before the given instant or day, in bounded
	 * batches. Offered only when the endpoint's access is unrestricted.
	 * @param before the exclusive upper bound: an ISO-8601 instant or date, not in the
	 * future
	 * @return {@code {"deleted": N}}
	 * @throws BadParameterException if {@code before} is missing, not an instant or date,
	 * or in the future
	 */
	@DeleteOperation
	public FlushDescriptor delete(@Nullable String before) {
		requireEveryTenant("deleting removes the entries of every tenant");
		Instant bound = instant("before", before);
		if (bound == null) {
			throw new BadParameterException("before",
					"before is required: entries recorded before this instant or date are deleted");
		}
		if (bound.isAfter(this.clock.instant())) {
			// a typo such as 2205 for 2025 would delete the whole log
			throw new BadParameterException("before", "before must not be in the future, but was '" + before
					+ "': entries recorded before it would be every entry");
		}
		return new FlushDescriptor(this.auditLog.flush(bound));
	}

	/**
	 * Return whether the caller is shown values; an actor filter is a value, so it is
	 * refused when values are not shown.
	 */
	private boolean shown(SecurityContext securityContext, @Nullable String actor) {
		boolean shown = this.showValues.isShown(securityContext, this.roles);
		if (!shown && present(actor) != null) {
			throw new ValuesNotShownException("actor",
					"Filtering by actor needs to be shown values (management.endpoint.auditlog.show-values)");
		}
		return shown;
	}

	private SummaryDescriptor summary(@Nullable String days, @Nullable String actor, boolean shown) {
		int window = DEFAULT_SUMMARY_DAYS;
		String daysText = present(days);
		if (daysText != null) {
			long number = wholeNumber(daysText);
			if (number < 1 || number > MAX_SUMMARY_DAYS) {
				throw new BadParameterException("days", "days must be a whole number of days from 1 to "
						+ MAX_SUMMARY_DAYS + " but was '" + daysText + "'");
			}
			window = Integer.parseInt(daysText);
		}
		Instant to = this.clock.instant();
		Instant from = to.minus(Duration.ofDays(window));
		String actorName = notBlank("actor", actor);
		LogEntrySummary summary = this.repository.summarize(from, to,
				(actorName != null) ? StoredText.fit(actorName, StoredText.COLUMN_LENGTH) : null, restrictedTenant());
		Map<String, Long> actions = new LinkedHashMap<>();
		summary.actions().forEach((action, count) -> actions.put(action.name(), count));
		Map<String, Long> actors = summary.actors();
		if (!shown && !actors.isEmpty()) {
			actors = Map.of(MASK, actors.values().stream().mapToLong(Long::longValue).sum());
		}
		return new SummaryDescriptor(from.toString(), to.toString(), window, summary.total(), actions, summary.models(),
				actors, summary.withoutActor());
	}

	private LogEntryQuery query(@Nullable String model, @Nullable String objectPk, @Nullable String actor,
			@Nullable String action, @Nullable String cid, @Nullable String from, @Nullable String to,
			@Nullable String before, @Nullable String size) {
		String modelName = notBlank("model", model);
		String pk = notBlank("objectPk", objectPk);
		if (pk != null && modelName == null) {
			throw new BadParameterException("objectPk",
					"objectPk needs model: the key of an object is only unique within its model");
		}
		Instant fromInstant = instant("from", from);
		Instant toInstant = instant("to", to);
		requireOrdered(fromInstant, toInstant);
		LogEntryQuery.Builder query = LogEntryQuery.builder()
			.model(modelName)
			.objectPk(pk)
			.actor(notBlank("actor", actor))
			.actions(actions(action))
			.cid(notBlank("cid", cid))
			.from(fromInstant)
			.to(toInstant)
			.limit(size(size));
		String cursor = present(before);
		if (cursor != null) {
			query.before(entryId("before", cursor));
		}
		try {
			return query.build();
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException(null, ex.getMessage());
		}
	}

	/**
	 * Parse the actions asked for: names or numbers, separated by commas or given as
	 * several {@code action} parameters (which arrive joined by commas).
	 */
	private static List<Action> actions(@Nullable String value) {
		List<Action> actions = new ArrayList<>();
		String text = notBlank("action", value);
		if (text == null) {
			return actions;
		}
		for (String part : text.split(",")) {
			String name = part.strip();
			if (name.isEmpty()) {
				continue;
			}
			try {
				actions.add(ACTION_NUMBER.matcher(name).matches() ? Action.fromValue(Integer.parseInt(name))
						: Action.fromName(name));
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameterException("action", "action: " + ex.getMessage());
			}
		}
		return actions;
	}

	private static int size(@Nullable String size) {
		String text = present(size);
		if (text == null) {
			return LogEntryQuery.DEFAULT_LIMIT;
		}
		long number = wholeNumber(text);
		if (number < 1 || number > LogEntryQuery.MAX_LIMIT) {
			throw new BadParameterException("size",
					"size must be a whole number from 1 to " + LogEntryQuery.MAX_LIMIT + " but was '" + text + "'");
		}
		return Integer.parseInt(text);
	}

	static long entryId(String parameter, String value) {
		long id = wholeNumber(value);
		if (id < 1) {
			throw new BadParameterException(parameter,
					parameter + " must be the id of an entry (a positive whole number) but was '" + value + "'");
		}
		return id;
	}

	/**
	 * Return the value of a text of decimal digits, or -1 when it is not one or exceeds
	 * {@link Long#MAX_VALUE}.
	 */
	private static long wholeNumber(String text) {
		if (!WHOLE_NUMBER.matcher(text).matches()) {
			return -1;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Refuse a time range whose start ({@code from}) is after its end ({@code to}).
	 */
	static void requireOrdered(@Nullable Instant from, @Nullable Instant to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadParameterException("from", "from (" + from + ") must not be after to (" + to + ")");
		}
	}

	/**
	 * Parse an ISO-8601 instant ({@code 2025-01-01T10:00:00Z}), offset date-time
	 * ({@code 2025-01-01T12:00:00+02:00}) or date ({@code 2025-01-01}, the start of that
	 * day in UTC).
	 */
	static @Nullable Instant instant(String parameter, @Nullable String value) {
		String text = present(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() <= 10 || text.indexOf('T') < 0) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw new BadParameterException(parameter, parameter + " must be an ISO-8601 instant "
					+ "(2025-01-31T10:15:30Z) or date (2025-01-31) but was '" + text + "'");
		}
	}

	static @Nullable String notBlank(String parameter, @Nullable String value) {
		String text = present(value);
		// control characters first: several of them are whitespace too
		if (text != null && !StoredText.clean(text).equals(text) || text != null && hasControlCharacter(text)) {
			throw new BadParameterException(parameter,
					parameter + " must not contain control characters or unpaired surrogates");
		}
		if (text != null && text.isBlank()) {
			throw new BadParameterException(parameter, parameter + " must not be blank");
		}
		return text;
	}

	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the value, or {@code null} when the parameter is absent or empty (as a form
	 * sends an empty field).
	 */
	private static @Nullable String present(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A page of entries: {@code {"entries": [...], "next": 42}}.
	 *
	 * @param entries the entries, newest first
	 * @param next the cursor of the next page ({@code before}), {@code null} on the last
	 */
	@JsonInclude(Include.ALWAYS)
	public record EntriesDescriptor(List<EntryDescriptor> entries,
			@Nullable Long next) implements OperationResponseBody {

	}

	/**
	 * One entry as JSON.
	 *
	 * @param id the entry's id
	 * @param timestamp when it was recorded, ISO-8601 in UTC
	 * @param action the action's name
	 * @param model the entity name
	 * @param objectPk the object's primary key
	 * @param objectId the primary key when it is integral
	 * @param objectRepr the object's representation at the time
	 * @param actor who made the change
	 * @param remoteAddr the client address
	 * @param cid the correlation id
	 * @param changes field name to {@code [old, new]} or collection change
	 * @param changesDisplay the changes with labels, as people read them
	 * @param changesText the changes as one line
	 * @param additionalData extra data
	 * @param serializedData the object's state after the change
	 * @param tenant the Hibernate tenant the change was made for, {@code null} without
	 * multi-tenancy
	 */
	@JsonInclude(value = Include.ALWAYS, content = Include.ALWAYS)
	public record EntryDescriptor(@Nullable Long id, String timestamp, String action, String model, String objectPk,
			@Nullable Long objectId, String objectRepr, @Nullable String actor, @Nullable String remoteAddr,
			@Nullable String cid, Map<String, Object> changes, Map<String, Object> changesDisplay, String changesText,
			@Nullable Map<String, @Nullable Object> additionalData,
			@Nullable Map<String, @Nullable Object> serializedData,
			@Nullable String tenant) implements OperationResponseBody {

		/**
		 * Return an entry as the endpoint shows it to a reader who is shown values; also
		 * the value of the records of the export to Kafka.
		 * @param entry the entry
		 * @return its descriptor
		 * @since 0.2.0
		 */
		public static EntryDescriptor of(LogEntry entry) {
			return of(entry, true);
		}

		static EntryDescriptor of(LogEntry entry, boolean shown) {
			if (shown) {
				return new EntryDescriptor(entry.id(), entry.timestamp().toString(), entry.action().name(),
						entry.model(), entry.objectPk(), entry.objectId(), entry.objectRepr(), entry.actor(),
						entry.remoteAddr(), entry.cid(), entry.changes().toJsonValue(), entry.changesDisplay(),
						entry.changesText(), entry.additionalData(), entry.serializedData(), entry.tenant());
			}
			Changes changes = masked(entry.changes());
			return new EntryDescriptor(entry.id(), entry.timestamp().toString(), entry.action().name(), entry.model(),
					entry.objectPk(), entry.objectId(), MASK, mask(entry.actor()), mask(entry.remoteAddr()),
					entry.cid(), changes.toJsonValue(), changes.display(), changes.text(),
					masked(entry.additionalData()), masked(entry.serializedData()), entry.tenant());
		}

		private static Changes masked(Changes changes) {
			Map<String, FieldChange> masked = new LinkedHashMap<>();
			changes.asMap()
				.forEach((field, change) -> masked.put(field,
						(change instanceof CollectionChange collection)
								? new CollectionChange(collection.operation(),
										collection.objects().stream().map((object) -> MASK).toList())
								: new ValueChange(mask(((ValueChange) change).oldValue()),
										mask(((ValueChange) change).newValue()))));
			return Changes.of(masked).withDisplayRules(changes.displayRules());
		}

		private static @Nullable Map<String, @Nullable Object> masked(@Nullable Map<String, @Nullable Object> data) {
			if (data == null) {
				return null;
			}
			Map<String, @Nullable Object> masked = new LinkedHashMap<>();
			data.forEach((key, value) -> masked.put(key, mask(value)));
			return masked;
		}

		private static @Nullable String mask(@Nullable Object value) {
			return (value != null) ? MASK : null;
		}

	}

	/**
	 * The counts of the entries of a recent window.
	 *
	 * @param from the start of the window, ISO-8601 in UTC
	 * @param to the end of the window (now), ISO-8601 in UTC
	 * @param days the length of the window in days
	 * @param total the number of entries in the window
	 * @param actions the number of entries of each action
	 * @param models the number of entries of each model, most frequent first (at most
	 * 100)
	 * @param actors the number of entries of each actor, most frequent first (at most
	 * 100)
	 * @param withoutActor the number of entries without an actor
	 */
	@JsonInclude(Include.ALWAYS)
	public record SummaryDescriptor(String from, String to, int days, long total, Map<String, Long> actions,
			Map<String, Long> models, Map<String, Long> actors, long withoutActor) implements OperationResponseBody {

	}

	/**
	 * The result of verifying the log's integrity:
	 * {@code {"entries": 10, "seals": 2, "pending": 0, "valid": false, "problems":
	 * [{"entryId": 3, "kind": "modified"}]}}.
	 *
	 * @param entries the number of entries checked
	 * @param seals the number of seals checked
	 * @param pending the number of entries not yet sealed, within the time allowed
	 * @param valid whether nothing was found wrong
	 * @param problems what was found wrong
	 */
	@JsonInclude(Include.ALWAYS)
	public record VerifyDescriptor(long entries, long seals, long pending, boolean valid,
			List<ProblemDescriptor> problems) implements OperationResponseBody {

		static VerifyDescriptor of(IntegrityReport report) {
			return new VerifyDescriptor(report.entries(), report.seals(), report.pending(), report.valid(),
					report.problems()
						.stream()
						.map((problem) -> new ProblemDescriptor(problem.entryId(), problem.sealId(),
								problem.kind().jsonName(), problem.table()))
						.toList());
		}

	}

	/**
	 * One problem: the entry or the seal concerned, and what is wrong with it.
	 *
	 * @param entryId the entry's id, absent for a seal
	 * @param sealId the seal's id, absent for an entry
	 * @param kind {@code modified}, {@code missing}, {@code inserted}, {@code unsealed},
	 * {@code bad-signature} or {@code broken-chain}
	 * @param table {@code auditlog_event} for a system event or a seal of their chain;
	 * absent for {@code auditlog_logentry}
	 */
	@JsonInclude(Include.NON_NULL)
	public record ProblemDescriptor(@Nullable Long entryId, @Nullable Long sealId, String kind,
			@Nullable String table) {

	}

	/**
	 * The result of a flush: {@code {"deleted": 42}}.
	 *
	 * @param deleted the number of entries deleted
	 */
	public record FlushDescriptor(long deleted) implements OperationResponseBody {

	}

	/**
	 * A request for a value the caller is not shown: filtering by actor or by a changed
	 * value when {@code management.endpoint.auditlog.show-values} does not show values to
	 * the caller (answered with {@code 403} over HTTP).
	 */
	public static final class ValuesNotShownException extends RuntimeException {

		private final String parameter;

		ValuesNotShownException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		/**
		 * Return the parameter that asks for values.
		 * @return the parameter's name
		 */
		public String getParameter() {
			return this.parameter;
		}

	}

	/**
	 * A request parameter that cannot be used, with a message naming it (answered with
	 * {@code 400} over HTTP). It is an {@link InvalidEndpointRequestException}, so that
	 * any technology Boot exposes the endpoint with treats it as the caller's mistake.
	 */
	public static final class BadParameterException extends InvalidEndpointRequestException {

		private final @Nullable String parameter;

		BadParameterException(@Nullable String parameter, @Nullable String message) {
			super((message != null) ? message : "Invalid request", (message != null) ? message : "Invalid request");
			this.parameter = parameter;
		}

		/**
		 * Return the parameter to blame.
		 * @return the parameter's name, or {@code null} when the parameters are wrong
		 * together
		 */
		public @Nullable String getParameter() {
			return this.parameter;
		}

	}

}
