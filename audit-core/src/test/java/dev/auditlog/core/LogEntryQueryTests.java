package dev.auditlog.core;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LogEntryQueryTests {

	private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");

	private static final Instant T2 = Instant.parse("2024-02-01T00:00:00Z");

	@Test
	void defaultsQueryEverything50AtATime() {
		LogEntryQuery query = LogEntryQuery.builder().build();
		assertThat(query.limit()).isEqualTo(50).isEqualTo(LogEntryQuery.DEFAULT_LIMIT);
		assertThat(query.model()).isNull();
		assertThat(query.objectPks()).isNull();
		assertThat(query.actor()).isNull();
		assertThat(query.actions()).isEmpty();
		assertThat(query.cid()).isNull();
		assertThat(query.from()).isNull();
		assertThat(query.to()).isNull();
		assertThat(query.before()).isNull();
	}

	@Test
	void everyFilterIsKept() {
		LogEntryQuery query = LogEntryQuery.builder()
			.model("Product")
			.objectPk("42")
			.actor("alice")
			.actions(Action.UPDATE)
			.cid("c-1")
			.from(T1)
			.to(T2)
			.before(99L)
			.limit(10)
			.build();
		assertThat(query).isEqualTo(
				new LogEntryQuery("Product", Set.of("42"), "alice", Set.of(Action.UPDATE), "c-1", T1, T2, 99L, 10));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 250, 500 })
	void limitFrom1To500IsAccepted(int limit) {
		assertThat(LogEntryQuery.builder().limit(limit).build().limit()).isEqualTo(limit);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 501, Integer.MAX_VALUE })
	void limitOutsideTheRangeIsRejectedNamingLimit(int limit) {
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().limit(limit).build())
			.withMessageContaining("limit")
			.withMessageContaining(String.valueOf(limit));
	}

	@Test
	void fromAfterToIsRejectedNamingBoth() {
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().from(T2).to(T1).build())
			.withMessageContaining("from")
			.withMessageContaining("to")
			.withMessageContaining(T1.toString())
			.withMessageContaining(T2.toString());
	}

	@Test
	void fromEqualToOrOnlyOneBoundIsAccepted() {
		assertThat(LogEntryQuery.builder().from(T1).to(T1).build().from()).isEqualTo(T1);
		assertThat(LogEntryQuery.builder().from(T2).build().from()).isEqualTo(T2);
		assertThat(LogEntryQuery.builder().to(T1).build().to()).isEqualTo(T1);
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -1, Long.MIN_VALUE })
	void beforeLessThanOneIsRejectedNamingBefore(long before) {
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().before(before).build())
			.withMessageContaining("before");
	}

	@Test
	void beforeOfOneIsAccepted() {
		assertThat(LogEntryQuery.builder().before(1L).build().before()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t\n" })
	void blankTextFiltersAreRejectedNamingTheFilter(String blank) {
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().model(blank).build())
			.withMessageContaining("model");
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().objectPk(blank).build())
			.withMessageContaining("objectPk");
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().actor(blank).build())
			.withMessageContaining("actor");
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().cid(blank).build())
			.withMessageContaining("cid");
	}

	@Test
	void actionsAccumulate() {
		LogEntryQuery query = LogEntryQuery.builder()
			.actions(Action.DELETE)
			.actions(List.of(Action.CREATE, Action.DELETE))
			.actions(Action.ACCESS)
			.build();
		assertThat(query.actions()).containsExactly(Action.CREATE, Action.DELETE, Action.ACCESS);
	}

	@Test
	void objectKeysAccumulateAndAreBounded() {
		LogEntryQuery query = LogEntryQuery.builder().objectPk("1").objectPks(List.of("2", "3")).objectPk(null).build();
		assertThat(query.objectPks()).containsExactly("1", "2", "3");
		List<String> tooMany = java.util.stream.IntStream.rangeClosed(1, LogEntryQuery.MAX_OBJECT_PKS + 1)
			.mapToObj(String::valueOf)
			.toList();
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().objectPks(tooMany).build())
			.withMessageContaining("objectPk");
	}

	@Test
	void emptyKeySetMatchesNothingAndSurvivesPaging() {
		LogEntryQuery none = LogEntryQuery.builder().objectPks(List.of()).model("Order").limit(5).build();
		assertThat(none.objectPks()).isEmpty();
		assertThat(none.matchesNothing()).isTrue();
		assertThat(none.toBuilder().before(7L).build().matchesNothing()).isTrue();
		assertThat(LogEntryQuery.builder().build().matchesNothing()).isFalse();
		assertThat(LogEntryQuery.builder().objectPks(List.of()).objectPk("1").build().matchesNothing()).isFalse();
		assertThat(new LogEntryQuery(null, Set.of(), null, Set.of(), null, null, null, null, 10).matchesNothing())
			.isTrue();
		assertThat(new LogEntryQuery(null, null, null, Set.of(), null, null, null, null, 10).matchesNothing())
			.isFalse();
	}

	@Test
	void actionsAreCopiedAndReadOnly() {
		Set<Action> actions = EnumSet.of(Action.CREATE);
		LogEntryQuery query = new LogEntryQuery(null, Set.of(), null, actions, null, null, null, null, 10);
		actions.add(Action.DELETE);
		assertThat(query.actions()).containsExactly(Action.CREATE);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> query.actions().add(Action.UPDATE));
	}

	@Test
	void toBuilderRoundTrip() {
		LogEntryQuery query = LogEntryQuery.builder()
			.model("Product")
			.objectPk("42")
			.actor("alice")
			.actions(Action.UPDATE, Action.DELETE)
			.cid("c-1")
			.from(T1)
			.to(T2)
			.before(99L)
			.limit(10)
			.build();
		assertThat(query.toBuilder().build()).isEqualTo(query);
	}

	@Test
	void toBuilderDerivesTheNextPageWithoutChangingTheQuery() {
		LogEntryQuery first = LogEntryQuery.builder().model("Product").actions(Action.UPDATE).limit(10).build();
		LogEntryQuery next = first.toBuilder().before(40L).actions(Action.CREATE).build();
		assertThat(next.before()).isEqualTo(40L);
		assertThat(next.model()).isEqualTo("Product");
		assertThat(next.limit()).isEqualTo(10);
		assertThat(next.actions()).containsExactly(Action.CREATE, Action.UPDATE);
		assertThat(first.before()).isNull();
		assertThat(first.actions()).containsExactly(Action.UPDATE);
	}

	@Test
	void builderChecksOnBuild() {
		LogEntryQuery.Builder builder = LogEntryQuery.builder().limit(0);
		builder.limit(5);
		assertThat(builder.build().limit()).isEqualTo(5);
	}

	@Test
	void changedFieldFiltersMatchTheChangesOfAnEntry() {
		Changes changes = Changes.of(java.util.Map.of("status", new ValueChange("DRAFT", "ACTIVE"), "tags",
				new CollectionChange(CollectionChange.Operation.ADD, java.util.List.of("a"))));
		assertThat(LogEntryQuery.builder().changedField("status").build().matchesChanges(changes)).isTrue();
		assertThat(LogEntryQuery.builder().changedField("name").build().matchesChanges(changes)).isFalse();
		assertThat(LogEntryQuery.builder().model("P").changedTo("status", "ACTIVE").build().matchesChanges(changes))
			.isTrue();
		assertThat(LogEntryQuery.builder().model("P").changedTo("status", "DRAFT").build().matchesChanges(changes))
			.isFalse();
		assertThat(LogEntryQuery.builder()
			.model("P")
			.changedFrom("status", "DRAFT")
			.changedTo("status", "ACTIVE")
			.build()
			.matchesChanges(changes)).isTrue();
		assertThat(LogEntryQuery.builder().model("P").changedTo("tags", "a").build().matchesChanges(changes))
			.as("a collection change matches by name only")
			.isFalse();
		assertThat(LogEntryQuery.builder().changedField("tags").build().matchesChanges(changes)).isTrue();
	}

	@Test
	void changedFieldFiltersAreCheckedAndKeptByToBuilder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LogEntryQuery.builder().changedTo("status", "ACTIVE").build())
			.withMessageContaining("need a model");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LogEntryQuery.builder().changedField("status").changedTo("name", "x"))
			.withMessageContaining("one changed field");
		assertThatIllegalArgumentException().isThrownBy(() -> LogEntryQuery.builder().changedField(" "));
		LogEntryQuery query = LogEntryQuery.builder().model("P").changedTo("status", "ACTIVE").build();
		assertThat(query.toBuilder().build()).isEqualTo(query);
		assertThat(query.changed()).isEqualTo(new LogEntryQuery.ChangedField("status", null, "ACTIVE"));
	}

}
