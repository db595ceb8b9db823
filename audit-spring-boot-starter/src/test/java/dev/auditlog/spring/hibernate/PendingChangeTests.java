package dev.auditlog.spring.hibernate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.ValueChange;
import dev.auditlog.diff.EntitySnapshot;
import dev.auditlog.diff.FieldPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The merge table of one object's changes in one transaction, without Hibernate or a
 * database.
 */
class PendingChangeTests {

	private final AuditedModel model = new AuditedModel("Product", Object.class,
			FieldPolicy.builder("Product").field("name").field("version").build(), "id", "version", List.of(), Map.of(),
			Map.of(), Set.of(), Map.of());

	private final EntitySnapshot v1 = state("one");

	private final EntitySnapshot v2 = state("two");

	private final EntitySnapshot v3 = state("three");

	@Test
	void createThenUpdateIsOneCreateWithTheLastValues() {
		PendingChange change = change();
		change.inserted(this.v1);
		assertThat(change.needsOldState()).isFalse();
		change.updated(null, this.v2);
		assertThat(change.netAction()).isEqualTo(Action.CREATE);
		assertThat(change.oldState()).isNull();
		assertThat(change.newState()).isSameAs(this.v2);
	}

	@Test
	void updatesAreOneUpdateFromTheFirstOldToTheLastNewValues() {
		PendingChange change = change();
		assertThat(change.needsOldState()).isTrue();
		change.updated(this.v1, this.v2);
		assertThat(change.needsOldState()).isFalse();
		change.updated(null, this.v3);
		assertThat(change.netAction()).isEqualTo(Action.UPDATE);
		assertThat(change.oldState()).isSameAs(this.v1);
		assertThat(change.newState()).isSameAs(this.v3);
		assertThat(change.coversCollections()).isFalse();
	}

	@Test
	void updateThenDeleteIsOneDeleteWithTheFirstOldValues() {
		PendingChange change = change();
		change.updated(this.v1, this.v2);
		assertThat(change.needsDeletedState()).isFalse();
		change.deleted(null);
		assertThat(change.netAction()).isEqualTo(Action.DELETE);
		assertThat(change.oldState()).isSameAs(this.v1);
		assertThat(change.newState()).isNull();
		assertThat(change.coversCollections()).isTrue();
	}

	@Test
	void createThenDeleteIsNothing() {
		PendingChange change = change();
		change.inserted(this.v1);
		change.deleted(null);
		assertThat(change.netAction()).isNull();
	}

	@Test
	void deleteThenInsertOfTheSameIdIsAnUpdate() {
		PendingChange change = change();
		change.deleted(this.v1);
		change.inserted(this.v2);
		assertThat(change.netAction()).isEqualTo(Action.UPDATE);
		assertThat(change.oldState()).isSameAs(this.v1);
		assertThat(change.newState()).isSameAs(this.v2);
	}

	@Test
	void aVersionIncrementAloneIsNoChange() {
		assertThat(this.model.isVersionOnly(Changes.of(Map.of("version", new ValueChange("1", "2"))))).isTrue();
		assertThat(this.model
			.isVersionOnly(Changes.of(Map.of("version", new ValueChange("1", "2"), "name", new ValueChange("a", "b")))))
			.isFalse();
	}

	@Test
	void collectionChangesAloneKeepTheirFirstAndLastElements() {
		PendingChange change = change();
		change.collectionChanged("tags", List.of("a"), List.of("a", "b"));
		change.collectionChanged("tags", List.of("a", "b"), List.of("b"));
		assertThat(change.netAction()).isNull();
		assertThat(change.coversCollections()).isFalse();
		assertThat(change.collections).containsOnlyKeys("tags");
		assertThat(change.collections.get("tags").before).containsExactly("a");
		assertThat(change.collections.get("tags").after).containsExactly("b");
	}

	@Test
	void aCreationCarriesItsCollectionsAndADeletionCoversThem() {
		PendingChange created = change();
		created.inserted(this.v1);
		created.collectionChanged("tags", List.of(), List.of("a"));
		assertThat(created.carriesCollections()).isTrue();
		assertThat(created.coversCollections()).isTrue();
		PendingChange deleted = change();
		deleted.collectionChanged("tags", List.of("a"), List.of());
		deleted.deleted(this.v1);
		assertThat(deleted.carriesCollections()).isFalse();
		assertThat(deleted.coversCollections()).isTrue();
	}

	@Test
	void anUpdateOfUnknownOldStateTakesTheDeletedStateAndCarriesCollections() {
		PendingChange change = change();
		change.oldStateUnknown();
		change.updated(null, this.v1);
		change.collectionChanged("tags", List.of(), List.of("a"));
		assertThat(change.carriesCollections()).isTrue();
		assertThat(change.needsDeletedState()).isTrue();
		change.deleted(this.v2);
		assertThat(change.netAction()).isEqualTo(Action.DELETE);
		assertThat(change.oldState()).isSameAs(this.v2);
	}

	@Test
	void dirtyOnlyUpdatesKeepEachFieldsFirstOldAndLastNewValue() {
		PendingChange change = change();
		change.updatedDirty(values("name", "a"), values("name", "b"));
		assertThat(change.needsOldState()).isTrue();
		change.updatedDirty(values("price", null), values("price", "2"));
		change.updatedDirty(values("name", "b", "price", "2"), values("name", "c", "price", "3"));
		assertThat(change.netAction()).isEqualTo(Action.UPDATE);
		assertThat(change.oldState().values()).containsExactly(entry("name", "a"), entry("price", null));
		assertThat(change.newState().values()).containsExactly(entry("name", "c"), entry("price", "3"));
	}

	@Test
	void aFullStateCompletesDirtyOnlyOnes() {
		PendingChange change = change();
		change.updatedDirty(values("name", "a"), values("name", "b"));
		change.updated(values("name", "b", "price", "1"), values("name", "b", "price", "2"));
		assertThat(change.needsOldState()).isFalse();
		assertThat(change.oldState().values()).containsExactly(entry("name", "a"), entry("price", "1"));
		assertThat(change.newState().values()).containsExactly(entry("name", "b"), entry("price", "2"));
		PendingChange deleted = change();
		deleted.updatedDirty(values("name", "a"), values("name", "b"));
		assertThat(deleted.needsDeletedState()).isTrue();
		deleted.deleted(values("name", "b", "price", "1"));
		assertThat(deleted.netAction()).isEqualTo(Action.DELETE);
		assertThat(deleted.oldState().values()).containsExactly(entry("name", "a"), entry("price", "1"));
	}

	@Test
	void dirtyOnlyUpdatesOfACreationUpdateItsValues() {
		PendingChange change = change();
		change.inserted(values("name", "a", "price", "1"));
		change.updatedDirty(values("price", "1"), values("price", "2"));
		assertThat(change.netAction()).isEqualTo(Action.CREATE);
		assertThat(change.newState().values()).containsExactly(entry("name", "a"), entry("price", "2"));
	}

	private static EntitySnapshot values(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return new EntitySnapshot("Product", 1L, "Product 1", values);
	}

	private PendingChange change() {
		return new PendingChange(this.model, 1L, new Object());
	}

	private static EntitySnapshot state(String name) {
		return new EntitySnapshot("Product", 1L, "Product 1", Map.of("name", name));
	}

}
