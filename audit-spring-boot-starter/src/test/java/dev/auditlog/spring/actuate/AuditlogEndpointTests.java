package dev.auditlog.spring.actuate;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntriesDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpoint.EntryDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpointWebExtension.ErrorDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpoint.FlushDescriptor;
import dev.auditlog.spring.actuate.AuditlogEndpoint.SummaryDescriptor;
import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.query.LogEntrySummary;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AuditlogEndpoint}: how parameters become a query, and the answers to
 * bad ones, without a web server.
 */
class AuditlogEndpointTests {

	/** A caller who is shown values under the default {@code when-authorized}. */
	static final SecurityContext AUTHENTICATED = new SecurityContext() {

		@Override
		public Principal getPrincipal() {
			return () -> "admin";
		}

		@Override
		public boolean isUserInRole(String role) {
			return true;
		}

	};

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	private final RecordingAuditLog auditLog = new RecordingAuditLog();

	private final RecordingRepository repository = new RecordingRepository();

	private final AuditlogEndpointWebExtension endpoint = web(new AuditlogEndpoint(this.auditLog, this.repository));

	private final AuditlogEndpointWebExtension clocked = web(
			new AuditlogEndpoint(this.auditLog, this.repository, Clock.fixed(NOW, ZoneOffset.UTC)));

	@Test
	void defaultsToTheFirstPageOfFifty() {
		assertThat(list(null, null, null, null, null, null, null, null, null).getStatus()).isEqualTo(200);
		assertThat(this.auditLog.query).isEqualTo(LogEntryQuery.builder().build());
	}

	@Test
	void turnsEveryParameterIntoTheQuery() {
		list("Book", "7", "alice", "create,DELETE,3", "c-1", "2025-01-01", "2025-02-01T12:30:00+02:00", "42", "10");
		LogEntryQuery query = this.auditLog.query;
		assertThat(query.model()).isEqualTo("Book");
		assertThat(query.objectPks()).containsExactly("7");
		assertThat(query.actor()).isEqualTo("alice");
		assertThat(query.actions()).isEqualTo(EnumSet.of(Action.CREATE, Action.DELETE, Action.ACCESS));
		assertThat(query.cid()).isEqualTo("c-1");
		assertThat(query.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2025-02-01T10:30:00Z"));
		assertThat(query.before()).isEqualTo(42);
		assertThat(query.limit()).isEqualTo(10);
	}

	@Test
	void emptyParametersAreAbsent() {
		list("", "", "", "", "", "", "", "", "");
		assertThat(this.auditLog.query).isEqualTo(LogEntryQuery.builder().build());
	}

	@Test
	void answersThePageAndItsCursor() {
		LogEntry entry = entry(5L);
		this.auditLog.page = new LogEntryPage(List.of(entry), 5L);
		WebEndpointResponse<OperationResponseBody> response = list(null, null, null, null, null, null, null, null, "1");
		EntriesDescriptor page = (EntriesDescriptor) response.getBody();
		assertThat(page.next()).isEqualTo(5L);
		EntryDescriptor json = page.entries().get(0);
		assertThat(json.id()).isEqualTo(5L);
		assertThat(json.timestamp()).isEqualTo("2026-03-10T11:00:00Z");
		assertThat(json.action()).isEqualTo("UPDATE");
		assertThat(json.changes()).containsEntry("unitPrice", java.util.Arrays.asList("12.50", "13.00"));
		assertThat(json.changesDisplay()).containsEntry("Unit price", java.util.Arrays.asList("12.50", "13.00"));
		assertThat(json.changesText()).isEqualTo("unitPrice: 12.50 → 13.00");
		assertThat(json.additionalData()).containsEntry("tenant", "acme");
	}

	@Test
	void showValuesNeverMasksEveryValueEvenForAnAuthenticatedCaller() {
		AuditlogEndpointWebExtension never = web(
				new AuditlogEndpoint(this.auditLog, this.repository, Show.NEVER, Set.of()));
		this.auditLog.found = entry(5L);
		EntryDescriptor json = (EntryDescriptor) never.entry(AUTHENTICATED, "5", null, null).getBody();
		assertThat(json.id()).isEqualTo(5L);
		assertThat(json.model()).isEqualTo("Book");
		assertThat(json.objectPk()).isEqualTo("7");
		assertThat(json.cid()).isEqualTo("c-1");
		assertThat(json.objectRepr()).isEqualTo(AuditlogEndpoint.MASK);
		assertThat(json.actor()).isEqualTo(AuditlogEndpoint.MASK);
		assertThat(json.remoteAddr()).isEqualTo(AuditlogEndpoint.MASK);
		assertThat(json.changes()).containsEntry("unitPrice", List.of(AuditlogEndpoint.MASK, AuditlogEndpoint.MASK));
		assertThat(json.changesDisplay()).containsEntry("Unit price",
				List.of(AuditlogEndpoint.MASK, AuditlogEndpoint.MASK));
		assertThat(json.changesText()).isEqualTo("unitPrice: ****** → ******");
		assertThat(json.additionalData()).containsEntry("tenant", AuditlogEndpoint.MASK);
	}

	@Test
	void showValuesAlwaysShowsValuesToAnyone() {
		AuditlogEndpointWebExtension always = web(
				new AuditlogEndpoint(this.auditLog, this.repository, Show.ALWAYS, Set.of()));
		this.auditLog.found = entry(5L);
		EntryDescriptor json = (EntryDescriptor) always.entry(SecurityContext.NONE, "5", null, null).getBody();
		assertThat(json.changesText()).isEqualTo("unitPrice: 12.50 → 13.00");
		assertThat(json.actor()).isEqualTo("alice");
	}

	@Test
	void whenAuthorizedNeedsOneOfTheRoles() {
		AuditlogEndpointWebExtension auditors = web(
				new AuditlogEndpoint(this.auditLog, this.repository, Show.WHEN_AUTHORIZED, Set.of("AUDITOR")));
		this.auditLog.found = entry(5L);
		SecurityContext user = new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return () -> "bob";
			}

			@Override
			public boolean isUserInRole(String role) {
				return "USER".equals(role);
			}

		};
		assertThat(((EntryDescriptor) auditors.entry(user, "5", null, null).getBody()).actor())
			.isEqualTo(AuditlogEndpoint.MASK);
		assertThat(((EntryDescriptor) auditors.entry(AUTHENTICATED, "5", null, null).getBody()).actor())
			.isEqualTo("alice");
		assertThat(auditors.entries(user, null, null, "alice", null, null, null, null, null, null).getStatus())
			.isEqualTo(403);
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			size     | 0
			size     | 501
			size     | -1
			size     | 1e3
			size     | 99999999999999999999
			action   | PUBLISH
			action   | 9
			from     | 2025-13-01
			from     | 2025-01-01T10:00:00
			from     | 10/01/2025
			to       | tomorrow
			before   | abc
			before   | 0
			before   | -3
			before   | 12345678901234567890
			objectPk | 7
			model    | ' '
			actor    | ' '
			cid      | ' '
			""")
	void answersBadRequestNamingTheParameter(String parameter, String value) {
		String[] values = new String[9];
		int index = List.of("model", "objectPk", "actor", "action", "cid", "from", "to", "before", "size")
			.indexOf(parameter);
		values[index] = value;
		WebEndpointResponse<OperationResponseBody> response = list(values[0], values[1], values[2], values[3],
				values[4], values[5], values[6], values[7], values[8]);
		assertBadRequest(response, parameter);
		assertThat(this.auditLog.query).isNull();
	}

	@Test
	void answersBadRequestWhenFromIsAfterTo() {
		assertBadRequest(list(null, null, null, null, null, "2025-02-01", "2025-01-01", null, null), "from");
	}

	@Test
	void findsOneEntryOrAnswersNotFound() {
		this.auditLog.found = entry(9L);
		WebEndpointResponse<OperationResponseBody> found = this.endpoint.entry(AUTHENTICATED, "9", null, null);
		assertThat(found.getStatus()).isEqualTo(200);
		assertThat(((EntryDescriptor) found.getBody()).id()).isEqualTo(9L);
		this.auditLog.found = null;
		WebEndpointResponse<OperationResponseBody> missing = this.endpoint.entry(AUTHENTICATED, "10", null, null);
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(((ErrorDescriptor) missing.getBody()).message()).contains("10");
	}

	@Test
	void answersBadRequestForAnIdThatIsNoNumber() {
		assertBadRequest(this.endpoint.entry(AUTHENTICATED, "abc", null, null), "id");
		assertBadRequest(this.endpoint.entry(AUTHENTICATED, "0", null, null), "id");
		assertBadRequest(this.endpoint.entry(AUTHENTICATED, "99999999999999999999", null, null), "id");
	}

	@Test
	void summarizesTheLastThirtyDaysByDefault() {
		this.repository.summary = new LogEntrySummary(NOW.minusSeconds(1), NOW,
				Map.of(Action.CREATE, 2L, Action.UPDATE, 1L), Map.of("Book", 3L), Map.of("alice", 2L), 1);
		WebEndpointResponse<OperationResponseBody> response = this.clocked.entry(AUTHENTICATED, "summary", null, null);
		SummaryDescriptor summary = (SummaryDescriptor) response.getBody();
		assertThat(this.repository.from).isEqualTo(Instant.parse("2026-02-08T12:00:00Z"));
		assertThat(this.repository.to).isEqualTo(NOW);
		assertThat(this.repository.actor).isNull();
		assertThat(summary.days()).isEqualTo(30);
		assertThat(summary.from()).isEqualTo("2026-02-08T12:00:00Z");
		assertThat(summary.total()).isEqualTo(3);
		assertThat(summary.actions()).containsExactly(Map.entry("CREATE", 2L), Map.entry("UPDATE", 1L),
				Map.entry("DELETE", 0L), Map.entry("ACCESS", 0L));
		assertThat(summary.models()).containsEntry("Book", 3L);
		assertThat(summary.actors()).containsEntry("alice", 2L);
		assertThat(summary.withoutActor()).isEqualTo(1);
	}

	@Test
	void summarizesTheGivenDaysAndActor() {
		this.clocked.entry(AUTHENTICATED, "summary", "7", "bob");
		assertThat(this.repository.from).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
		assertThat(this.repository.actor).isEqualTo("bob");
	}

	@ParameterizedTest
	@CsvSource({ "-1", "0", "36501", "x", "1.5" })
	void answersBadRequestForDaysOutOfRange(String days) {
		assertBadRequest(this.clocked.entry(AUTHENTICATED, "summary", days, null), "days");
		assertThat(this.repository.from).isNull();
	}

	@Test
	void flushesBeforeAnInstantOrTheStartOfADay() {
		this.auditLog.flushed = 12;
		WebEndpointResponse<OperationResponseBody> response = this.endpoint.delete("2025-01-01");
		assertThat(((FlushDescriptor) response.getBody()).deleted()).isEqualTo(12);
		assertThat(this.auditLog.flushedBefore).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
		this.endpoint.delete("2025-01-01T06:00:00Z");
		assertThat(this.auditLog.flushedBefore).isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
	}

	@Test
	void flushNeedsAValidBefore() {
		assertBadRequest(this.endpoint.delete(null), "before");
		assertBadRequest(this.endpoint.delete(""), "before");
		assertBadRequest(this.endpoint.delete("last year"), "before");
		// a typo of the year would delete every entry
		assertBadRequest(this.endpoint.delete("2205-01-01"), "before");
		assertBadRequest(this.endpoint.delete("+999999999-12-31T23:59:59Z"), "before");
		assertThat(this.auditLog.flushedBefore).isNull();
	}

	@Test
	void theEndpointAnswersRecordsAndLeavesStatusesToTheWebExtension() {
		AuditlogEndpoint neutral = new AuditlogEndpoint(this.auditLog, this.repository);
		this.auditLog.page = new LogEntryPage(List.of(entry(5L)), null);
		assertThat(
				neutral.entries(AUTHENTICATED, null, null, null, null, null, null, null, null, null, null, null, null)
					.entries())
			.extracting(EntryDescriptor::id)
			.containsExactly(5L);
		this.auditLog.found = entry(9L);
		assertThat(neutral.entry(AUTHENTICATED, "9", null, null, null, null, null, null, null))
			.isInstanceOfSatisfying(EntryDescriptor.class, (json) -> assertThat(json.id()).isEqualTo(9L));
		this.auditLog.found = null;
		assertThat(neutral.entry(AUTHENTICATED, "9", null, null, null, null, null, null, null)).isNull();
	}

	@Test
	void theEndpointThrowsAnInvalidRequestNamingTheParameter() {
		AuditlogEndpoint neutral = new AuditlogEndpoint(this.auditLog, this.repository);
		assertThatExceptionOfType(AuditlogEndpoint.BadParameterException.class)
			.isThrownBy(() -> neutral.entries(AUTHENTICATED, null, null, null, null, null, null, null, null, "0", null,
					null, null))
			.isInstanceOf(InvalidEndpointRequestException.class)
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("size"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(ex.getMessage()))
			.withMessage("size must be a whole number from 1 to 500 but was '0'");
		assertThatExceptionOfType(AuditlogEndpoint.BadParameterException.class)
			.isThrownBy(() -> neutral.entry(AUTHENTICATED, "abc", null, null, null, null, null, null, null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("id"));
		assertThatExceptionOfType(AuditlogEndpoint.BadParameterException.class).isThrownBy(() -> neutral.delete(null))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("before"));
	}

	@Test
	void theWebExtensionExtendsTheEndpointWithTheSameOperations() throws Exception {
		assertThat(AuditlogEndpointWebExtension.class.getAnnotation(EndpointWebExtension.class).endpoint())
			.isEqualTo(AuditlogEndpoint.class);
		for (java.lang.reflect.Method operation : AuditlogEndpoint.class.getMethods()) {
			if (operation.isAnnotationPresent(ReadOperation.class)
					|| operation.isAnnotationPresent(DeleteOperation.class)) {
				java.lang.reflect.Method web = AuditlogEndpointWebExtension.class.getMethod(operation.getName(),
						operation.getParameterTypes());
				assertThat(web.getAnnotations()).as(operation.getName())
					.extracting(java.lang.annotation.Annotation::annotationType)
					.containsAll(java.util.Arrays.stream(operation.getAnnotations())
						.map(java.lang.annotation.Annotation::annotationType)
						.toList());
			}
		}
	}

	@Test
	void everyAnswerIsBoundByReflectionAfterAotProcessing() {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, AuditlogEndpoint.class,
				AuditlogEndpointWebExtension.class);
		for (Class<?> type : List.of(EntriesDescriptor.class, EntryDescriptor.class, SummaryDescriptor.class,
				AuditlogEndpoint.VerifyDescriptor.class, AuditlogEndpoint.ProblemDescriptor.class,
				FlushDescriptor.class, HistoryOperations.StateDescriptor.class, HistoryOperations.DiffDescriptor.class,
				ErrorDescriptor.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection()
				.onMethodInvocation(type, type.getRecordComponents()[0].getAccessor().getName())).as(type.getName())
				.accepts(hints);
		}
	}

	@Test
	void flushIsAWriteOperationOfAReadOnlyByDefaultEndpoint() throws Exception {
		assertThat(AuditlogEndpoint.class.getMethod("delete", String.class)
			.isAnnotationPresent(org.springframework.boot.actuate.endpoint.annotation.DeleteOperation.class)).isTrue();
		assertThat(AuditlogEndpoint.class
			.getAnnotation(org.springframework.boot.actuate.endpoint.annotation.Endpoint.class)
			.defaultAccess()).isEqualTo(org.springframework.boot.actuate.endpoint.Access.READ_ONLY);
	}

	private WebEndpointResponse<OperationResponseBody> list(@Nullable String model, @Nullable String objectPk,
			@Nullable String actor, @Nullable String action, @Nullable String cid, @Nullable String from,
			@Nullable String to, @Nullable String before, @Nullable String size) {
		return this.endpoint.entries(AUTHENTICATED, model, objectPk, actor, action, cid, from, to, before, size);
	}

	private static void assertBadRequest(WebEndpointResponse<OperationResponseBody> response, String parameter) {
		assertThat(response.getStatus()).isEqualTo(400);
		ErrorDescriptor error = (ErrorDescriptor) response.getBody();
		assertThat(error.status()).isEqualTo(400);
		assertThat(error.parameter()).isEqualTo(parameter);
		assertThat(error.message()).contains(parameter);
	}

	private static LogEntry entry(long id) {
		return new LogEntry(id, Instant.parse("2026-03-10T11:00:00Z"), Action.UPDATE, "Book", "7", 7L, "Book 7",
				"alice", "127.0.0.1", "c-1", Changes.of(Map.of("unitPrice", new ValueChange("12.50", "13.00"))),
				Map.of("tenant", "acme"), null);
	}

	/**
	 * An audit log that records what it was asked.
	 */
	static final class RecordingAuditLog implements AuditLog {

		@Nullable LogEntryQuery query;

		LogEntryPage page = new LogEntryPage(List.of(), null);

		@Nullable LogEntry found;

		long flushed;

		@Nullable Instant flushedBefore;

		@Override
		public LogEntryPage query(LogEntryQuery query) {
			this.query = query;
			return this.page;
		}

		@Override
		public Optional<LogEntry> find(long id) {
			return Optional.ofNullable(this.found).filter((entry) -> entry.id() == id);
		}

		@Override
		public long flush(Instant before) {
			this.flushedBefore = before;
			return this.flushed;
		}

		@Override
		public void logExport(String type, String format, long recordCount, long bytes, Map<String, ?> filters) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<LogEntry> history(Object entity) {
			throw new UnsupportedOperationException();
		}

		@Override
		public LogEntryQuery.Builder forModel(Class<?> model) {
			throw new UnsupportedOperationException();
		}

		@Override
		public LogEntryQuery.Builder forObjects(Collection<?> entities) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void log(Object entity, Action action, Changes changes,
				@Nullable Map<String, @Nullable Object> additionalData) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void logAccess(Object entity) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int logBulkUpdate(Class<?> model, Collection<?> ids, Map<String, ValueChange> changes) {
			throw new UnsupportedOperationException();
		}

	}

	/**
	 * A repository that records the summary asked for.
	 */
	static final class RecordingRepository implements LogEntryRepository {

		@Nullable Instant from;

		@Nullable Instant to;

		@Nullable String actor;

		LogEntrySummary summary = new LogEntrySummary(Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(), Map.of(), 0);

		@Override
		public LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor) {
			this.from = from;
			this.to = to;
			this.actor = actor;
			return this.summary;
		}

		@Override
		public LogEntryPage query(LogEntryQuery query) {
			return new LogEntryPage(new ArrayList<>(), null);
		}

		@Override
		public Optional<LogEntry> find(long id) {
			return Optional.empty();
		}

		@Override
		public long deleteBefore(Instant before) {
			throw new UnsupportedOperationException();
		}

	}

	private static AuditlogEndpointWebExtension web(AuditlogEndpoint endpoint) {
		return new AuditlogEndpointWebExtension(endpoint);
	}

}
