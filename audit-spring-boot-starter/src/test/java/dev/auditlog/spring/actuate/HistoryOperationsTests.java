package dev.auditlog.spring.actuate;

import java.security.Principal;
import java.time.Instant;
import java.util.Collection;
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
import dev.auditlog.core.MaskedFieldSearchException;
import dev.auditlog.core.ObjectDiff;
import dev.auditlog.core.ObjectHistory;
import dev.auditlog.core.ObjectState;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.actuate.AuditlogEndpointWebExtension.ErrorDescriptor;
import dev.auditlog.spring.actuate.HistoryOperations.DiffDescriptor;
import dev.auditlog.spring.actuate.HistoryOperations.StateDescriptor;
import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.query.LogEntrySummary;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the history questions of {@link AuditlogEndpoint}: {@code /state},
 * {@code /diff} and the changed-field filters, their answers to bad parameters, and
 * values hidden from callers not shown them.
 */
class HistoryOperationsTests {

	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	private final HistoryAuditLog auditLog = new HistoryAuditLog();

	private final AuditlogEndpointWebExtension endpoint = web(
			new AuditlogEndpoint(this.auditLog, new NoRepository(), Show.ALWAYS, Set.of()));

	private final AuditlogEndpointWebExtension hiding = web(
			new AuditlogEndpoint(this.auditLog, new NoRepository(), Show.NEVER, Set.of()));

	@Test
	void stateAnswersTheRebuiltValues() {
		WebEndpointResponse<OperationResponseBody> response = state(this.endpoint, "Product", "4",
				"2026-11-30T10:00:30Z");
		assertThat(response.getStatus()).isEqualTo(200);
		StateDescriptor state = (StateDescriptor) response.getBody();
		assertThat(state.status()).isEqualTo("EXISTS");
		assertThat(state.values()).containsEntry("status", "ACTIVE");
		assertThat(state.at()).isEqualTo("2026-11-30T10:00:30Z");
		assertThat(state.lastEntryId()).isEqualTo(2);
	}

	@Test
	void stateAndDiffHideValuesFromCallersNotShownThem() {
		StateDescriptor state = (StateDescriptor) state(this.hiding, "Product", "4", "2026-11-30T10:00:30Z").getBody();
		assertThat(state.values()).containsEntry("status", AuditlogEndpoint.MASK);
		DiffDescriptor diff = (DiffDescriptor) diff(this.hiding, "Product", "4", "2026-11-30T10:00:05Z",
				"2026-11-30T10:00:30Z")
			.getBody();
		assertThat(diff.changes().get("status")).containsExactly(AuditlogEndpoint.MASK, AuditlogEndpoint.MASK);
	}

	@Test
	void diffAnswersTheFieldsThatDiffer() {
		DiffDescriptor diff = (DiffDescriptor) diff(this.endpoint, "Product", "4", "2026-11-30T10:00:05Z",
				"2026-11-30T10:00:30Z")
			.getBody();
		assertThat(diff.changes()).containsOnlyKeys("status");
		assertThat(diff.changes().get("status")).containsExactly("DRAFT", "ACTIVE");
		assertThat(diff.fromStatus()).isEqualTo("EXISTS");
	}

	@Test
	void badParametersOfStateAndDiffAreNamed() {
		assertBadRequest(state(this.endpoint, null, "4", "2026-11-30"), "model");
		assertBadRequest(state(this.endpoint, "Product", null, "2026-11-30"), "objectPk");
		assertBadRequest(state(this.endpoint, "Product", "4", null), "at");
		assertBadRequest(state(this.endpoint, "Product", "4", "noon"), "at");
		assertBadRequest(state(this.endpoint, "Product", "4\u0000", "2026-11-30"), "objectPk");
		assertBadRequest(state(this.endpoint, "Unknown", "4", "2026-11-30"), "model");
		assertBadRequest(diff(this.endpoint, "Product", "4", null, "2026-11-30"), "from");
		assertBadRequest(diff(this.endpoint, "Product", "4", "2026-11-30", null), "to");
		assertBadRequest(diff(this.endpoint, "Product", "4", "2026-12-01", "2026-11-30"), "from");
	}

	@Test
	void changedFiltersBecomeTheQuery() {
		assertThat(entries(this.endpoint, "Product", "status", "ACTIVE", "DRAFT").getStatus()).isEqualTo(200);
		assertThat(this.auditLog.query).isEqualTo(LogEntryQuery.builder()
			.model("Product")
			.changedFrom("status", "DRAFT")
			.changedTo("status", "ACTIVE")
			.build());
		assertThat(entries(this.endpoint, null, "status", null, null).getStatus()).isEqualTo(200);
		assertThat(this.auditLog.query).isEqualTo(LogEntryQuery.builder().changedField("status").build());
	}

	@Test
	void badChangedFiltersAreNamed() {
		assertBadRequest(entries(this.endpoint, "Product", null, "ACTIVE", null), "changedTo");
		assertBadRequest(entries(this.endpoint, "Product", null, null, "DRAFT"), "changedFrom");
		assertBadRequest(entries(this.endpoint, null, "status", "ACTIVE", null), "model");
		assertBadRequest(entries(this.endpoint, "Product", " ", null, null), "changed");
		assertBadRequest(entries(this.endpoint, "Product", "secret", "x", null), "changedTo");
		assertBadRequest(entries(this.endpoint, "Product", "secret", null, "x"), "changedFrom");
	}

	@Test
	void valueFiltersAreRefusedToCallersNotShownValues() {
		WebEndpointResponse<OperationResponseBody> response = entries(this.hiding, "Product", "status", "ACTIVE", null);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(((ErrorDescriptor) response.getBody()).parameter()).isEqualTo("changedTo");
		assertThat(entries(this.hiding, "Product", "status", null, null).getStatus()).isEqualTo(200);
	}

	private static WebEndpointResponse<OperationResponseBody> state(AuditlogEndpointWebExtension endpoint,
			@Nullable String model, @Nullable String objectPk, @Nullable String at) {
		return endpoint.entry(ANYONE, "state", null, null, null, null, model, objectPk, at);
	}

	private static WebEndpointResponse<OperationResponseBody> diff(AuditlogEndpointWebExtension endpoint,
			@Nullable String model, @Nullable String objectPk, @Nullable String from, @Nullable String to) {
		return endpoint.entry(ANYONE, "diff", null, null, from, to, model, objectPk, null);
	}

	private static WebEndpointResponse<OperationResponseBody> entries(AuditlogEndpointWebExtension endpoint,
			@Nullable String model, @Nullable String changed, @Nullable String changedTo,
			@Nullable String changedFrom) {
		return endpoint.entries(ANYONE, model, null, null, null, null, null, null, null, null, changed, changedTo,
				changedFrom);
	}

	private static void assertBadRequest(WebEndpointResponse<OperationResponseBody> response, String parameter) {
		assertThat(response.getStatus()).isEqualTo(400);
		ErrorDescriptor error = (ErrorDescriptor) response.getBody();
		assertThat(error.parameter()).isEqualTo(parameter);
		assertThat(error.message()).contains(parameter);
	}

	private static final SecurityContext ANYONE = new SecurityContext() {

		@Override
		public @Nullable Principal getPrincipal() {
			return () -> "admin";
		}

		@Override
		public boolean isUserInRole(String role) {
			return true;
		}

	};

	/**
	 * An audit log of one product: created as a draft, then made active.
	 */
	static final class HistoryAuditLog implements AuditLog {

		@Nullable LogEntryQuery query;

		private final ObjectHistory history = new ObjectHistory("Product", "4",
				List.of(entry(1, 0, Action.CREATE, null, "DRAFT"), entry(2, 10, Action.UPDATE, "DRAFT", "ACTIVE")),
				ObjectHistory.Fields.UNKNOWN);

		private static LogEntry entry(long id, int seconds, Action action, @Nullable String old, String now) {
			return new LogEntry(id, T0.plusSeconds(seconds), action, "Product", "4", 4L, "Product 4", null, null, null,
					Changes.of(Map.of("status", new ValueChange(old, now))), null, null);
		}

		@Override
		public ObjectState stateAt(String model, String objectPk, Instant at) {
			requireProduct(model);
			return this.history.stateAt(at);
		}

		@Override
		public ObjectDiff diff(String model, String objectPk, Instant from, Instant to) {
			requireProduct(model);
			return this.history.diff(from, to);
		}

		private static void requireProduct(String model) {
			if (!model.equals("Product")) {
				throw new IllegalArgumentException("'" + model + "' is no audited model");
			}
		}

		@Override
		public LogEntryPage query(LogEntryQuery query) {
			this.query = query;
			if (query.changed() != null && query.changed().field().equals("secret") && query.changed().filtersValue()) {
				throw new MaskedFieldSearchException("Product", "secret");
			}
			return new LogEntryPage(List.of(), null);
		}

		@Override
		public List<LogEntry> history(Object entity) {
			return List.of();
		}

		@Override
		public LogEntryQuery.Builder forModel(Class<?> model) {
			return LogEntryQuery.builder();
		}

		@Override
		public LogEntryQuery.Builder forObjects(Collection<?> entities) {
			return LogEntryQuery.builder();
		}

		@Override
		public Optional<LogEntry> find(long id) {
			return Optional.empty();
		}

		@Override
		public void log(Object entity, Action action, Changes changes,
				@Nullable Map<String, @Nullable Object> additionalData) {
		}

		@Override
		public void logAccess(Object entity) {
		}

		@Override
		public int logBulkUpdate(Class<?> model, Collection<?> ids, Map<String, ValueChange> changes) {
			return 0;
		}

		@Override
		public void logExport(String type, String format, long recordCount, long bytes, Map<String, ?> filters) {
		}

		@Override
		public long flush(Instant before) {
			return 0;
		}

	}

	static final class NoRepository implements LogEntryRepository {

		@Override
		public LogEntryPage query(LogEntryQuery query) {
			return new LogEntryPage(List.of(), null);
		}

		@Override
		public Optional<LogEntry> find(long id) {
			return Optional.empty();
		}

		@Override
		public long deleteBefore(Instant before) {
			return 0;
		}

		@Override
		public LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor) {
			throw new UnsupportedOperationException();
		}

	}

	private static AuditlogEndpointWebExtension web(AuditlogEndpoint endpoint) {
		return new AuditlogEndpointWebExtension(endpoint);
	}

}
