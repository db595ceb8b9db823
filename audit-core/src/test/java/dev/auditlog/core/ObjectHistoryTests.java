package dev.auditlog.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObjectHistory}: states and diffs rebuilt from entries alone.
 */
class ObjectHistoryTests {

	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	private static final ObjectHistory.Fields FIELDS = new ObjectHistory.Fields(Set.of("name", "price", "tags"),
			Set.of("internal"), "secret"::equals, "tags"::equals);

	private long ids;

	@Test
	void aFieldTheLogDoesNotKeepReliablyIsMissingThoughAnEntryNamesIt() {
		// a @Version field: logged at the create, then incremented by a collection change
		// whose entry does not name it
		List<LogEntry> entries = List
			.of(entry(0, Action.CREATE, values("name", null, "a", "internal", null, "0")), entry(10, Action.UPDATE,
					Changes.of(Map.of("tags", new CollectionChange(CollectionChange.Operation.ADD, List.of("x"))))));
		ObjectState state = new ObjectHistory("Product", "4", entries, FIELDS).stateAt(T0.plusSeconds(20));
		assertThat(state.values()).containsEntry("name", "a").doesNotContainKey("internal");
		assertThat(state.missingFields()).contains("internal");
		assertThat(state.complete()).isFalse();
	}

	@Test
	void stateIsTheCreateValuesAndEveryLaterChangeUpToTheInstant() {
		List<LogEntry> entries = List.of(entry(0, Action.CREATE, values("name", null, "a", "price", null, "1.00")),
				entry(10, Action.UPDATE, values("price", "1.00", "2.50")),
				entry(20, Action.UPDATE,
						Changes.of(Map.of("tags",
								new CollectionChange(CollectionChange.Operation.ADD, List.of("x", "y"))))),
				entry(30, Action.UPDATE, values("name", "a", "b")));
		ObjectHistory history = new ObjectHistory("Product", "4", entries, FIELDS);
		assertThat(history.stateAt(T0.minusSeconds(1)).status()).isEqualTo(ObjectState.Status.NOT_YET_CREATED);
		ObjectState atCreate = history.stateAt(T0);
		assertThat(atCreate.status()).isEqualTo(ObjectState.Status.EXISTS);
		assertThat(atCreate.values()).containsEntry("name", "a")
			.containsEntry("price", "1.00")
			.containsEntry("tags", List.of());
		ObjectState later = history.stateAt(T0.plusSeconds(25));
		assertThat(later.values()).containsEntry("name", "a")
			.containsEntry("price", "2.50")
			.containsEntry("tags", List.of("x", "y"));
		assertThat(later.complete()).isFalse();
		assertThat(later.missingFields()).containsExactly("internal");
		assertThat(later.lastEntryId()).isEqualTo(3);
		ObjectDiff diff = history.diff(T0, T0.plusSeconds(30));
		assertThat(diff.changes()).containsOnlyKeys("name", "price", "tags");
		assertThat(diff.changes().get("price")).containsExactly("1.00", "2.50");
	}

	@Test
	void deletedObjectSaysSoAndHasNoValues() {
		List<LogEntry> entries = List.of(entry(0, Action.CREATE, values("name", null, "a")),
				entry(10, Action.DELETE, values("name", "a", null)));
		ObjectState state = new ObjectHistory("Product", "4", entries, FIELDS).stateAt(T0.plusSeconds(10));
		assertThat(state.status()).isEqualTo(ObjectState.Status.DELETED);
		assertThat(state.values()).isEmpty();
		assertThat(state.complete()).isTrue();
	}

	@Test
	void historyWithoutItsCreateIsPartialAndSaysWhichFieldsAreUnknown() {
		List<LogEntry> entries = List.of(entry(10, Action.UPDATE, values("price", "1.00", "2.00")));
		ObjectHistory history = new ObjectHistory("Product", "4", entries, FIELDS);
		assertThat(history.stateAt(T0).status()).isEqualTo(ObjectState.Status.UNKNOWN);
		assertThat(history.stateAt(T0).complete()).isFalse();
		ObjectState state = history.stateAt(T0.plusSeconds(10));
		assertThat(state.status()).isEqualTo(ObjectState.Status.EXISTS);
		assertThat(state.earlierEntriesMissing()).isTrue();
		assertThat(state.complete()).isFalse();
		assertThat(state.values()).containsOnlyKeys("price");
		assertThat(state.missingFields()).containsExactly("internal", "name", "tags");
	}

	@Test
	void serializedDataFillsWhatChangesDoNotName() {
		Map<String, @Nullable Object> serialized = new LinkedHashMap<>();
		serialized.put("name", "a");
		serialized.put("price", "3.00");
		serialized.put("tags", List.of("z", "x"));
		LogEntry update = new LogEntry(++this.ids, T0, Action.UPDATE, "Product", "4", 4L, "Product a", null, null, null,
				values("price", "2.00", "3.00"), null, serialized);
		ObjectState state = new ObjectHistory("Product", "4", List.of(update), FIELDS).stateAt(T0);
		assertThat(state.values()).containsEntry("name", "a").containsEntry("tags", List.of("x", "z"));
	}

	@Test
	void maskedAndCutValuesAreFlagged() {
		String cut = StoredText.fit("x".repeat(300), 64);
		List<LogEntry> entries = List
			.of(entry(0, Action.CREATE, values("name", null, cut, "secret", null, "****et12")));
		ObjectState state = new ObjectHistory("Product", "4", entries, FIELDS).stateAt(T0);
		assertThat(state.maskedFields()).containsExactly("secret");
		assertThat(state.cutFields()).containsExactly("name");
	}

	@Test
	void entriesOfOtherObjectsAndAccessesChangeNothing() {
		List<LogEntry> entries = new ArrayList<>();
		entries.add(entry(0, Action.CREATE, values("name", null, "a")));
		entries.add(new LogEntry(++this.ids, T0.plusSeconds(1), Action.UPDATE, "Product", "5", 5L, "other", null, null,
				null, values("name", "q", "r"), null, null));
		entries.add(entry(2, Action.ACCESS, Changes.empty()));
		assertThat(new ObjectHistory("Product", "4", entries, FIELDS).stateAt(T0.plusSeconds(5)).values())
			.containsEntry("name", "a");
	}

	@Test
	void stateAtAnyInstantIsTheReplayOfTheEntriesBeforeIt() {
		for (long seed = 1; seed <= 30; seed++) {
			Random random = new Random(seed);
			List<LogEntry> entries = new ArrayList<>();
			List<Map<String, @Nullable Object>> expected = new ArrayList<>();
			Map<String, @Nullable Object> current = new TreeMap<>();
			current.put("name", "n0");
			current.put("price", null);
			current.put("tags", List.of());
			entries.add(entry(0, Action.CREATE, values("name", null, "n0")));
			expected.add(new TreeMap<>(current));
			for (int step = 1; step < 20; step++) {
				if (random.nextBoolean()) {
					String field = random.nextBoolean() ? "name" : "price";
					String value = random.nextInt(4) == 0 ? null : field + random.nextInt(100);
					Object old = current.put(field, value);
					entries.add(entry(step * 10, Action.UPDATE, values(field, (String) old, value)));
				}
				else {
					String tag = "t" + random.nextInt(4);
					@SuppressWarnings("unchecked")
					TreeSet<String> tags = new TreeSet<>((List<String>) current.get("tags"));
					boolean add = tags.add(tag);
					if (!add) {
						tags.remove(tag);
					}
					current.put("tags", List.copyOf(tags));
					entries
						.add(entry(step * 10, Action.UPDATE,
								Changes.of(Map.of("tags", new CollectionChange(
										add ? CollectionChange.Operation.ADD : CollectionChange.Operation.DELETE,
										List.of(tag))))));
				}
				expected.add(new TreeMap<>(current));
			}
			List<LogEntry> shuffled = new ArrayList<>(entries);
			java.util.Collections.shuffle(shuffled, random);
			ObjectHistory history = new ObjectHistory("Product", "4", shuffled, FIELDS);
			for (int step = 0; step < expected.size(); step++) {
				assertThat(history.stateAt(T0.plusSeconds(step * 10L + random.nextInt(10))).values())
					.as("seed %d, step %d", seed, step)
					.isEqualTo(expected.get(step));
			}
		}
	}

	private LogEntry entry(int seconds, Action action, Changes changes) {
		return new LogEntry(++this.ids, T0.plusSeconds(seconds), action, "Product", "4", 4L, "Product", null, null,
				null, changes, null, null);
	}

	private static Changes values(@Nullable String... fieldOldNew) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		for (int i = 0; i < fieldOldNew.length; i += 3) {
			changes.put(fieldOldNew[i], new ValueChange(fieldOldNew[i + 1], fieldOldNew[i + 2]));
		}
		return Changes.of(changes);
	}

}
