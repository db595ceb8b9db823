package dev.auditlog.spring.history;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.MaskedFieldSearchException;
import dev.auditlog.core.ObjectDiff;
import dev.auditlog.core.ObjectState;
import dev.auditlog.core.RevertRefusedException;
import dev.auditlog.core.RevertRefusedException.Reason;
import dev.auditlog.core.StoredText;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The questions a history answers, on a real database: for seeded random sequences of
 * creates, updates, collection changes and deletes of one entity, the state rebuilt at
 * each commit equals the values committed then, the diff between two commits names
 * exactly the fields that differ, a search by changed field finds exactly the entries
 * that changed it, and reverting the last update brings every kind of value back exactly.
 * Run on each database by a subclass.
 */
@SpringBootTest(classes = HistoryApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.models.Gadget.revertible=true", "management.endpoints.web.exposure.include=auditlog",
				"management.endpoint.auditlog.show-values=always" })
abstract class HistoryScenarios {

	private static final long[] SEEDS = { 15L, 20261130L, 7_345_901L };

	private static final int STEPS = 14;

	/** The fields compared; the masked {@code secret} is checked apart. */
	private static final List<String> FIELDS = List.of("name", "price", "quantity", "releaseDate", "lastSeen", "status",
			"maker", "dimensions.width", "dimensions.unit", "tags");

	private static final List<String> SCALARS = FIELDS.subList(0, FIELDS.size() - 1);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditlogProperties properties;

	@LocalServerPort
	int port;

	static void register(TestDatabase database, DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	@BeforeEach
	void startEmpty() {
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.jdbc.update("DELETE FROM gadget_tags");
		this.jdbc.update("DELETE FROM gadget");
		this.jdbc.update("DELETE FROM maker");
	}

	@Test
	void stateAtEveryCommitIsTheCommittedStateAndDiffsNameExactlyTheFieldsThatDiffer() {
		for (long seed : SEEDS) {
			Random random = new Random(seed);
			List<Long> makers = makers();
			List<Checkpoint> checkpoints = new ArrayList<>();
			Long id = null;
			for (int step = 0; step < STEPS; step++) {
				String input = "seed " + seed + ", step " + step;
				if (id == null) {
					Instant before = tick();
					id = create(random, makers);
					checkpoints.add(new Checkpoint(id, before, null, input + " (before create)"));
				}
				else {
					int kind = random.nextInt(10);
					long current = id;
					if (kind < 6) {
						update(current, random, makers, SCALARS);
					}
					else if (kind < 8) {
						changeTags(current, random);
					}
					else if (kind < 9) {
						inTransaction(() -> gadget(current).setSecret("s" + random.nextInt(1_000_000)));
					}
					else {
						inTransaction(() -> this.entityManager.remove(gadget(current)));
						id = null;
					}
				}
				Map<String, @Nullable Object> committed = (id != null) ? committed(id) : null;
				Instant at = tick();
				checkpoints.add(new Checkpoint((id != null) ? id : checkpoints.get(checkpoints.size() - 1).id(), at,
						committed, input));
			}
			for (Checkpoint checkpoint : checkpoints) {
				ObjectState state = this.auditLog.stateAt(Gadget.class, checkpoint.id(), checkpoint.at());
				if (checkpoint.values() == null) {
					assertThat(state.status()).as(checkpoint.input())
						.isIn(ObjectState.Status.NOT_YET_CREATED, ObjectState.Status.DELETED);
					assertThat(state.values()).as(checkpoint.input()).isEmpty();
					continue;
				}
				assertThat(state.status()).as(checkpoint.input()).isEqualTo(ObjectState.Status.EXISTS);
				assertThat(compared(state.values())).as(checkpoint.input()).isEqualTo(checkpoint.values());
				assertThat(state.earlierEntriesMissing()).as(checkpoint.input()).isFalse();
				if (state.values().get("secret") != null) {
					assertThat(state.maskedFields()).as(checkpoint.input()).contains("secret");
				}
			}
			for (int i = 1; i < checkpoints.size(); i++) {
				Checkpoint from = checkpoints.get(i - 1);
				Checkpoint to = checkpoints.get(i);
				if (!from.id().equals(to.id()) || from.values() == null || to.values() == null) {
					continue;
				}
				ObjectDiff diff = this.auditLog.diff(Gadget.class, to.id(), from.at(), to.at());
				Set<String> differing = new TreeSet<>();
				for (String field : FIELDS) {
					if (!Objects.equals(from.values().get(field), to.values().get(field))) {
						differing.add(field);
					}
				}
				Set<String> found = new TreeSet<>(diff.changes().keySet());
				found.retainAll(FIELDS);
				assertThat(found).as(to.input()).isEqualTo(differing);
				for (String field : differing) {
					assertThat(diff.changes().get(field)).as(to.input() + " " + field)
						.containsExactly(from.values().get(field), to.values().get(field));
				}
			}
			startEmpty();
		}
	}

	@Test
	void searchByChangedFieldFindsExactlyTheEntriesThatChangedIt() {
		for (long seed : SEEDS) {
			Random random = new Random(seed);
			List<Long> makers = makers();
			for (int round = 0; round < 3; round++) {
				long id = create(random, makers);
				for (int step = 0; step < 8; step++) {
					update(id, random, makers, SCALARS);
				}
			}
			List<LogEntry> all = all(LogEntryQuery.builder().model("Gadget").limit(LogEntryQuery.MAX_LIMIT));
			for (String field : List.of("status", "name", "dimensions.unit", "maker")) {
				String input = "seed " + seed + ", field " + field;
				assertThat(ids(all(this.auditLog.forModel(Gadget.class).changedField(field).limit(3)))).as(input)
					.isEqualTo(ids(all.stream().filter((entry) -> entry.changes().get(field) != null).toList()));
				for (String value : newValues(all, field)) {
					assertThat(ids(all(this.auditLog.forModel(Gadget.class).changedTo(field, value).limit(2))))
						.as(input + " to " + value)
						.isEqualTo(ids(all.stream().filter(changed(field, null, value)).toList()));
				}
				for (String old : oldValues(all, field)) {
					assertThat(ids(all(this.auditLog.forModel(Gadget.class).changedFrom(field, old).limit(2))))
						.as(input + " from " + old)
						.isEqualTo(ids(all.stream().filter(changed(field, old, null)).toList()));
					for (String value : newValues(all, field)) {
						assertThat(ids(all(this.auditLog.forModel(Gadget.class)
							.changedFrom(field, old)
							.changedTo(field, value)
							.limit(LogEntryQuery.MAX_LIMIT)))).as(input + " from " + old + " to " + value)
							.isEqualTo(ids(all.stream().filter(changed(field, old, value)).toList()));
					}
				}
			}
			assertThat(this.auditLog.query(this.auditLog.forModel(Gadget.class).changedTo("status", "NOPE").build())
				.entries()).isEmpty();
			startEmpty();
		}
	}

	@Test
	void maskedFieldsAreSearchedByNameOnly() {
		long id = create(new Random(3), makers());
		inTransaction(() -> gadget(id).setSecret("hunter2-hunter2"));
		assertThat(this.auditLog.query(this.auditLog.forModel(Gadget.class).changedField("secret").build()).entries())
			.hasSize(2);
		assertThatExceptionOfType(MaskedFieldSearchException.class)
			.isThrownBy(() -> this.auditLog
				.query(this.auditLog.forModel(Gadget.class).changedTo("secret", "hunter2-hunter2").build()))
			.withMessageContaining("secret")
			.withMessageContaining("never by value");
	}

	@Test
	void revertOfTheLastUpdateRestoresThePreviousValuesExactly() {
		for (long seed : SEEDS) {
			Random random = new Random(seed);
			List<Long> makers = makers();
			long id = create(random, makers);
			for (int round = 0; round < 5; round++) {
				String input = "seed " + seed + ", round " + round;
				Map<String, @Nullable Object> before = committed(id);
				update(id, random, makers, SCALARS);
				LogEntry last = this.auditLog.history(inTransaction(() -> gadget(id))).get(0);
				assertThat(last.action()).as(input).isEqualTo(Action.UPDATE);
				this.auditLog.revert(last.id());
				assertThat(committed(id)).as(input).isEqualTo(before);
				LogEntry revert = this.auditLog.history(inTransaction(() -> gadget(id))).get(0);
				assertThat(revert.action()).as(input).isEqualTo(Action.UPDATE);
				assertThat(revert.additionalData()).as(input).containsKey("revertOf");
				assertThat(((Number) revert.additionalData().get("revertOf")).longValue()).as(input)
					.isEqualTo(last.id());
				assertThat(revert.changes().fields()).as(input).isEqualTo(last.changes().fields());
			}
			startEmpty();
		}
	}

	@Test
	void restoreBringsBackTheStateAtAnInstant() {
		Random random = new Random(42);
		List<Long> makers = makers();
		long id = create(random, makers);
		Instant at = tick();
		Map<String, @Nullable Object> then = committed(id);
		for (int i = 0; i < 4; i++) {
			update(id, random, makers, SCALARS);
		}
		this.auditLog.restore(Gadget.class, id, at);
		assertThat(committed(id)).isEqualTo(then);
		LogEntry restore = this.auditLog.history(inTransaction(() -> gadget(id))).get(0);
		assertThat(restore.additionalData()).containsEntry("restoredTo", at.toString());
		changeTags(id, random);
		assertThatExceptionOfType(RevertRefusedException.class)
			.isThrownBy(() -> this.auditLog.restore(Gadget.class, id, at))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_RESTORABLE))
			.withMessageContaining("tags");
	}

	@Test
	void revertIsRefusedWhenItCannotBeExact() {
		Random random = new Random(7);
		List<Long> makers = makers();
		long id = create(random, makers);
		long create = this.auditLog.history(inTransaction(() -> gadget(id))).get(0).id();
		assertRefused(create, Reason.NOT_AN_UPDATE, "only an UPDATE");
		inTransaction(() -> gadget(id).setName("first"));
		long first = latest(id);
		inTransaction(() -> gadget(id).setName("second"));
		assertRefused(first, Reason.CHANGED_SINCE, "name");
		inTransaction(() -> gadget(id).setSecret("a-new-secret"));
		assertRefused(latest(id), Reason.MASKED, "secret");
		changeTags(id, random);
		assertRefused(latest(id), Reason.NOT_RESTORABLE, "tags");
		String cut = StoredText.fit("x".repeat(500), 64);
		inTransaction(() -> this.auditLog.log(gadget(id), Action.UPDATE,
				Changes.of(Map.of("name", new ValueChange(cut, "second"))), null));
		assertRefused(latest(id), Reason.CUT, "cut");
		// an unlogged change (a bulk update) is found on the live entity
		inTransaction(() -> gadget(id).setStatus(GadgetStatus.DRAFT));
		inTransaction(() -> gadget(id).setStatus(GadgetStatus.RETIRED));
		long retired = latest(id);
		this.jdbc.update("UPDATE gadget SET status = 'ACTIVE' WHERE id = ?", id);
		assertRefused(retired, Reason.CHANGED_SINCE, "ACTIVE");
		assertThat(committed(id).get("status")).isEqualTo("ACTIVE");
	}

	@Test
	void revertIsOptInPerModel() {
		long id = create(new Random(5), makers());
		inTransaction(() -> gadget(id).setName("changed"));
		long update = latest(id);
		AuditlogProperties.Model gadget = this.properties.getModels().get("Gadget");
		gadget.setRevertible(false);
		try {
			assertRefused(update, Reason.NOT_REVERTIBLE, "auditlog.models.Gadget.revertible");
			assertThatExceptionOfType(RevertRefusedException.class)
				.isThrownBy(() -> this.auditLog.restore(Gadget.class, id, Instant.now()))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_REVERTIBLE));
		}
		finally {
			gadget.setRevertible(true);
		}
		assertThat(committed(id).get("name")).isEqualTo("changed");
		assertRefused(update + 1_000_000, Reason.NO_SUCH_ENTRY, "No audit log entry");
	}

	@Test
	void endpointAnswersStateDiffAndSearchAndNamesBadParameters() throws Exception {
		Instant start = tick();
		long id = create(new Random(11), makers());
		inTransaction(() -> gadget(id).setStatus(GadgetStatus.RETIRED));
		Instant at = tick();
		String base = "/actuator/auditlog";
		JsonNode state = get(base + "/state?model=Gadget&objectPk=" + id + "&at=" + at, 200);
		assertThat(state.get("status").asString()).isEqualTo("EXISTS");
		assertThat(state.get("values").get("status").asString()).isEqualTo("RETIRED");
		assertThat(state.get("complete").isBoolean()).isTrue();
		JsonNode before = get(base + "/state?model=Gadget&objectPk=" + id + "&at=" + start, 200);
		assertThat(before.get("status").asString()).isEqualTo("NOT_YET_CREATED");
		JsonNode diff = get(base + "/diff?model=Gadget&objectPk=" + id + "&from=" + start + "&to=" + at, 200);
		assertThat(diff.get("changes").get("status").get(1).asString()).isEqualTo("RETIRED");
		assertThat(diff.get("changes").get("status").get(0).isNull()).isTrue();
		JsonNode found = get(base + "?model=Gadget&changed=status&changedTo=RETIRED", 200);
		assertThat(found.get("entries")).hasSize(1);
		assertThat(found.get("entries").get(0).get("changes").get("status").get(1).asString()).isEqualTo("RETIRED");
		assertThat(get(base + "?model=Gadget&changed=status&changedTo=RETIRED&from=" + at, 200).get("entries"))
			.isEmpty();
		assertThat(get(base + "?changed=status", 200).get("entries")).hasSize(2);
		assertBadParameter(base + "/state?model=Gadget&objectPk=" + id, "at");
		assertBadParameter(base + "/state?model=Gadget&objectPk=" + id + "&at=yesterday", "at");
		assertBadParameter(base + "/state?objectPk=" + id + "&at=" + at, "model");
		assertBadParameter(base + "/state?model=Gadget&at=" + at, "objectPk");
		assertBadParameter(base + "/state?model=Nope&objectPk=1&at=" + at, "model");
		assertBadParameter(base + "/diff?model=Gadget&objectPk=" + id + "&from=" + start, "to");
		assertBadParameter(base + "/diff?model=Gadget&objectPk=" + id + "&from=" + at + "&to=" + start, "from");
		assertBadParameter(base + "?model=Gadget&changedTo=RETIRED", "changedTo");
		assertBadParameter(base + "?changed=status&changedTo=RETIRED", "model");
		assertBadParameter(base + "?model=Gadget&changed=secret&changedTo=x", "changedTo");
		assertBadParameter(base + "?model=Gadget&changed=%00", "changed");
	}

	private void assertRefused(long entryId, Reason reason, String message) {
		assertThatExceptionOfType(RevertRefusedException.class).isThrownBy(() -> this.auditLog.revert(entryId))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason))
			.satisfies((ex) -> assertThat(ex.getEntryId()).isEqualTo(entryId))
			.withMessageContaining(message);
	}

	private long latest(long id) {
		return Objects.requireNonNull(this.auditLog.history(inTransaction(() -> gadget(id))).get(0).id());
	}

	private JsonNode get(String path, int status) throws Exception {
		HttpResponse<String> response = request(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	private HttpResponse<String> request(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void assertBadParameter(String path, String parameter) throws Exception {
		JsonNode error = get(path, 400);
		assertThat(error.get("parameter").asString()).as(path).isEqualTo(parameter);
		assertThat(error.get("message").asString()).as(path).contains(parameter);
	}

	private static Predicate<LogEntry> changed(String field, @Nullable String old, @Nullable String now) {
		return (entry) -> entry.changes().get(field) instanceof ValueChange value
				&& (old == null || old.equals(value.oldValue())) && (now == null || now.equals(value.newValue()));
	}

	private static Set<String> newValues(List<LogEntry> entries, String field) {
		Set<String> values = new TreeSet<>();
		entries.forEach((entry) -> {
			if (entry.changes().get(field) instanceof ValueChange value && value.newValue() != null) {
				values.add(value.newValue());
			}
		});
		return values;
	}

	private static Set<String> oldValues(List<LogEntry> entries, String field) {
		Set<String> values = new TreeSet<>();
		entries.forEach((entry) -> {
			if (entry.changes().get(field) instanceof ValueChange value && value.oldValue() != null) {
				values.add(value.oldValue());
			}
		});
		return values;
	}

	private List<LogEntry> all(LogEntryQuery.Builder builder) {
		LogEntryQuery query = builder.build();
		List<LogEntry> entries = new ArrayList<>();
		while (true) {
			LogEntryPage page = this.auditLog.query(query);
			assertThat(page.entries()).hasSizeLessThanOrEqualTo(query.limit());
			entries.addAll(page.entries());
			if (page.next() == null) {
				return entries;
			}
			query = query.toBuilder().before(page.next()).build();
		}
	}

	private static List<Long> ids(List<LogEntry> entries) {
		return entries.stream().map(LogEntry::id).toList();
	}

	/**
	 * Return an instant after every entry committed so far and before every later one.
	 */
	private static Instant tick() {
		Instant now = Instant.now();
		await().pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> Instant.now().isAfter(now.plusMillis(1)));
		return now.plusNanos(500_000);
	}

	private List<Long> makers() {
		return inTransaction(() -> {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Maker maker = new Maker("maker " + i);
				this.entityManager.persist(maker);
				ids.add(maker.getId());
			}
			return ids;
		});
	}

	private long create(Random random, List<Long> makers) {
		return inTransaction(() -> {
			Gadget gadget = new Gadget();
			for (String field : SCALARS) {
				set(gadget, field, random, makers);
			}
			gadget.setSecret("initial-secret");
			for (int i = random.nextInt(3); i > 0; i--) {
				gadget.getTags().add("t" + random.nextInt(5));
			}
			this.entityManager.persist(gadget);
			return gadget.getId();
		});
	}

	private void update(long id, Random random, List<Long> makers, List<String> fields) {
		inTransaction(() -> {
			Gadget gadget = gadget(id);
			Set<String> chosen = new HashSet<>();
			for (int i = 1 + random.nextInt(3); i > 0; i--) {
				chosen.add(fields.get(random.nextInt(fields.size())));
			}
			for (String field : chosen) {
				set(gadget, field, random, makers);
			}
		});
	}

	private void changeTags(long id, Random random) {
		inTransaction(() -> {
			Set<String> tags = gadget(id).getTags();
			String tag = "t" + random.nextInt(5);
			if (!tags.remove(tag)) {
				tags.add(tag);
			}
		});
	}

	private void set(Gadget gadget, String field, Random random, List<Long> makers) {
		boolean none = random.nextInt(6) == 0;
		switch (field) {
			case "name" -> gadget.setName(none ? null : "gadget " + random.nextInt(20));
			case "price" -> gadget.setPrice(none ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 2));
			case "quantity" -> gadget.setQuantity(random.nextInt(2_000) - 1_000);
			case "releaseDate" ->
				gadget.setReleaseDate(none ? null : LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20_000)));
			case "lastSeen" -> gadget.setLastSeen(
					none ? null : Instant.parse("2001-01-01T00:00:00Z").plusMillis(random.nextLong(900_000_000_000L)));
			case "status" -> gadget.setStatus(none ? null : GadgetStatus.values()[random.nextInt(3)]);
			case "maker" -> gadget
				.setMaker(none ? null : this.entityManager.getReference(Maker.class, makers.get(random.nextInt(3))));
			case "dimensions.width" ->
				gadget.setDimensions(new Dimensions(none ? null : BigDecimal.valueOf(random.nextInt(100_000), 3),
						unit(gadget.getDimensions())));
			case "dimensions.unit" -> gadget.setDimensions(new Dimensions(width(gadget.getDimensions()),
					none ? null : List.of("mm", "cm", "in").get(random.nextInt(3))));
			default -> throw new IllegalArgumentException(field);
		}
	}

	private static @Nullable BigDecimal width(@Nullable Dimensions dimensions) {
		return (dimensions != null) ? dimensions.getWidth() : null;
	}

	private static @Nullable String unit(@Nullable Dimensions dimensions) {
		return (dimensions != null) ? dimensions.getUnit() : null;
	}

	private Gadget gadget(long id) {
		return Objects.requireNonNull(this.entityManager.find(Gadget.class, id));
	}

	/**
	 * Return the gadget's committed values as the log writes them, read in a transaction
	 * of their own.
	 */
	private Map<String, @Nullable Object> committed(long id) {
		return inTransaction(() -> {
			Gadget gadget = gadget(id);
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			values.put("name", gadget.getName());
			values.put("price", (gadget.getPrice() != null) ? gadget.getPrice().toPlainString() : null);
			values.put("quantity", String.valueOf(gadget.getQuantity()));
			values.put("releaseDate", (gadget.getReleaseDate() != null) ? gadget.getReleaseDate().toString() : null);
			values.put("lastSeen", (gadget.getLastSeen() != null) ? gadget.getLastSeen().toString() : null);
			values.put("status", (gadget.getStatus() != null) ? gadget.getStatus().name() : null);
			values.put("maker", (gadget.getMaker() != null) ? String.valueOf(gadget.getMaker().getId()) : null);
			Dimensions dimensions = gadget.getDimensions();
			values.put("dimensions.width", (dimensions != null && dimensions.getWidth() != null)
					? dimensions.getWidth().toPlainString() : null);
			values.put("dimensions.unit", (dimensions != null) ? dimensions.getUnit() : null);
			values.put("tags", List.copyOf(new TreeSet<>(gadget.getTags())));
			return values;
		});
	}

	private static Map<String, @Nullable Object> compared(Map<String, @Nullable Object> values) {
		Map<String, @Nullable Object> compared = new LinkedHashMap<>();
		for (String field : FIELDS) {
			compared.put(field, values.get(field));
		}
		return compared;
	}

	private void inTransaction(Runnable work) {
		this.transaction.executeWithoutResult((status) -> work.run());
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return this.transaction.execute((status) -> work.get());
	}

	private record Checkpoint(Long id, Instant at, @Nullable Map<String, @Nullable Object> values, String input) {

	}

}
