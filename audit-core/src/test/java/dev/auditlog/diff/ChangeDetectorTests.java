package dev.auditlog.diff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.core.Masker;
import dev.auditlog.core.ValueChange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ChangeDetectorTests {

	private final ChangeDetector detector = new ChangeDetector();

	private final FieldPolicy policy = policy(
			TestModelOptions.options().exclude("notes").mask("password", "secrets").m2m("tags", "secrets").build());

	@Test
	void createLogsEveryAuditedFieldWithAValue() {
		EntitySnapshot created = snapshot("name", "Pen", "description", null, "price", new BigDecimal("12.50"),
				"active", true, "status", Status.ACTIVE);
		Changes changes = this.detector.diff(null, created, this.policy);
		assertThat(changes.asMap()).containsExactly(entry("active", new ValueChange(null, "true")),
				entry("name", new ValueChange(null, "Pen")), entry("price", new ValueChange(null, "12.50")),
				entry("status", new ValueChange(null, "ACTIVE")));
	}

	@Test
	void createWithNoValueIsEmpty() {
		assertThat(this.detector.diff(null, snapshot("name", null), this.policy).isEmpty()).isTrue();
	}

	@Test
	void deleteLogsEveryAuditedFieldWithAValueAsOldValue() {
		EntitySnapshot deleted = snapshot("name", "Pen", "description", null, "price", new BigDecimal("12.50"));
		Changes changes = this.detector.diff(deleted, null, this.policy);
		assertThat(changes.asMap()).containsExactly(entry("name", new ValueChange("Pen", null)),
				entry("price", new ValueChange("12.50", null)));
	}

	@Test
	void updateLogsOnlyChangedFields() {
		EntitySnapshot before = snapshot("name", "Pen", "description", "Blue", "price", new BigDecimal("12.50"));
		EntitySnapshot after = snapshot("name", "Pencil", "description", "Blue", "price", new BigDecimal("12.50"));
		assertThat(this.detector.diff(before, after, this.policy).asMap())
			.containsExactly(entry("name", new ValueChange("Pen", "Pencil")));
	}

	@Test
	void updateWithoutDifferenceIsEmpty() {
		EntitySnapshot before = snapshot("name", "Pen", "price", new BigDecimal("12.50"), "active", false);
		EntitySnapshot after = snapshot("name", "Pen", "price", new BigDecimal("12.50"), "active", false);
		Changes changes = this.detector.diff(before, after, this.policy);
		assertThat(changes.isEmpty()).isTrue();
		assertThat(changes).isEqualTo(Changes.empty());
		assertThat(changes.toJson()).isEqualTo("{}");
	}

	@Test
	void changeOfExcludedFieldAloneIsEmpty() {
		Changes changes = this.detector.diff(snapshot("name", "Pen", "notes", "old"),
				snapshot("name", "Pen", "notes", "new"), this.policy);
		assertThat(changes.isEmpty()).isTrue();
	}

	@Test
	void excludedFieldIsNeverLoggedOnCreateOrDelete() {
		EntitySnapshot state = snapshot("name", "Pen", "notes", "internal");
		assertThat(this.detector.diff(null, state, this.policy).fields()).containsExactly("name");
		assertThat(this.detector.diff(state, null, this.policy).fields()).containsExactly("name");
	}

	@Test
	void nullToValueIsAChange() {
		assertThat(this.detector.diff(snapshot("description", null), snapshot("description", "Blue"), this.policy)
			.get("description")).isEqualTo(new ValueChange(null, "Blue"));
	}

	@Test
	void valueToNullIsAChange() {
		assertThat(this.detector.diff(snapshot("description", "Blue"), snapshot("description", null), this.policy)
			.get("description")).isEqualTo(new ValueChange("Blue", null));
	}

	@Test
	void emptyStringAndNullAreDifferentValues() {
		assertThat(this.detector.diff(snapshot("description", null), snapshot("description", ""), this.policy)
			.get("description")).isEqualTo(new ValueChange(null, ""));
		assertThat(this.detector.diff(snapshot("description", ""), snapshot("description", null), this.policy)
			.get("description")).isEqualTo(new ValueChange("", null));
		assertThat(this.detector.diff(null, snapshot("description", ""), this.policy).get("description"))
			.isEqualTo(new ValueChange(null, ""));
	}

	@Test
	void fieldMissingFromBothSnapshotsIsNoChange() {
		assertThat(this.detector.diff(snapshot("name", "Pen"), snapshot("name", "Pen"), this.policy).isEmpty())
			.isTrue();
	}

	@Test
	void valuesWithQuotesNewlinesAndUnicodeSurviveAJsonRoundTrip() {
		String old = "He said \"hi\"\r\nand left\t\\ {\"a\":[1]}";
		String value = "Zoë 😀 日本語 \u0000 \u2028 ]\",";
		Changes changes = this.detector.diff(snapshot("description", old), snapshot("description", value), this.policy);
		Changes read = Changes.fromJson(changes.toJson());
		assertThat(read).isEqualTo(changes);
		assertThat(read.get("description")).isEqualTo(new ValueChange(old, value));
	}

	@Test
	void tenKilobyteValueIsLoggedWholeAndSurvivesAJsonRoundTrip() {
		String old = "a".repeat(10 * 1024);
		String value = "é😀".repeat(5 * 1024);
		Changes changes = this.detector.diff(snapshot("description", old), snapshot("description", value), this.policy);
		assertThat(changes.get("description")).isEqualTo(new ValueChange(old, value));
		assertThat(Changes.fromJson(changes.toJson()).get("description")).isEqualTo(new ValueChange(old, value));
	}

	@Test
	void bigDecimalKeepsItsScale() {
		assertThat(this.detector.diff(null, snapshot("price", new BigDecimal("12.50")), this.policy).get("price"))
			.isEqualTo(new ValueChange(null, "12.50"));
	}

	@Test
	void bigDecimalWithExponentIsWrittenPlain() {
		assertThat(this.detector
			.diff(snapshot("price", new BigDecimal("999")), snapshot("price", new BigDecimal("1E+3")), this.policy)
			.get("price")).isEqualTo(new ValueChange("999", "1000"));
	}

	@Test
	void bigDecimalScaleChangeIsNoChange() {
		assertThat(this.detector
			.diff(snapshot("price", new BigDecimal("1.0")), snapshot("price", new BigDecimal("1.00")), this.policy)
			.isEmpty()).isTrue();
	}

	@Test
	void doubleIsWrittenPlain() {
		assertThat(this.detector.diff(snapshot("price", 1.0E10), snapshot("price", 2.5E-7), this.policy).get("price"))
			.isEqualTo(new ValueChange("10000000000", "0.00000025"));
	}

	@Test
	void booleanChange() {
		assertThat(this.detector.diff(snapshot("active", true), snapshot("active", false), this.policy).get("active"))
			.isEqualTo(new ValueChange("true", "false"));
	}

	@Test
	void enumChangeByName() {
		assertThat(
				this.detector.diff(snapshot("status", Status.ACTIVE), snapshot("status", Status.RETIRED), this.policy)
					.get("status"))
			.isEqualTo(new ValueChange("ACTIVE", "RETIRED"));
	}

	@Test
	void sameInstantAtAnotherOffsetIsNoChange() {
		Instant instant = Instant.parse("2024-03-01T08:15:30Z");
		EntitySnapshot before = snapshot("updatedAt", instant.atOffset(ZoneOffset.UTC));
		EntitySnapshot after = snapshot("updatedAt", instant.atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
		EntitySnapshot zoned = snapshot("updatedAt", instant.atZone(ZoneId.of("America/Los_Angeles")));
		assertThat(this.detector.diff(before, after, this.policy).isEmpty()).isTrue();
		assertThat(this.detector.diff(after, zoned, this.policy).isEmpty()).isTrue();
	}

	@Test
	void instantChangeIsWrittenInUtc() {
		OffsetDateTime before = OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));
		OffsetDateTime after = OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-5));
		assertThat(this.detector.diff(snapshot("updatedAt", before), snapshot("updatedAt", after), this.policy)
			.get("updatedAt")).isEqualTo(new ValueChange("2024-03-01T08:00:00Z", "2024-03-01T15:00:00Z"));
	}

	@Test
	void toOneAssociationByTargetId() {
		assertThat(this.detector
			.diff(snapshot("owner", new EntityRef(7L, "Alice")), snapshot("owner", new EntityRef(8L, "Bob")),
					this.policy)
			.get("owner")).isEqualTo(new ValueChange("7", "8"));
	}

	@Test
	void toOneAssociationByToStringWhenTheModelAsks() {
		FieldPolicy byString = policy(
				TestModelOptions.options().fkRepresentation(FkRepresentation.STRING).m2m("tags", "secrets").build());
		assertThat(this.detector
			.diff(snapshot("owner", new EntityRef(7L, "Alice")), snapshot("owner", new EntityRef(8L, "Bob")), byString)
			.get("owner")).isEqualTo(new ValueChange("Alice", "Bob"));
	}

	@Test
	void sameTargetWithAnotherRepresentationIsNoChange() {
		FieldPolicy byString = policy(
				TestModelOptions.options().fkRepresentation(FkRepresentation.STRING).m2m("tags", "secrets").build());
		EntitySnapshot before = snapshot("owner", new EntityRef(7L, "Alice"));
		EntitySnapshot after = snapshot("owner", new EntityRef(7L, "Alice Smith"));
		assertThat(this.detector.diff(before, after, byString).isEmpty()).isTrue();
		assertThat(this.detector.diff(before, after, this.policy).isEmpty()).isTrue();
	}

	@Test
	void byteArrayWithSameContentIsNoChange() {
		assertThat(this.detector
			.diff(snapshot("data", new byte[] { 1, 2, 3 }), snapshot("data", new byte[] { 1, 2, 3 }), this.policy)
			.isEmpty()).isTrue();
	}

	@Test
	void byteArrayWithOtherContentOfTheSameLengthShowsAsAChange() {
		ValueChange change = (ValueChange) this.detector
			.diff(snapshot("data", new byte[] { 1, 2, 3 }), snapshot("data", new byte[] { 3, 2, 1 }), this.policy)
			.get("data");
		assertThat(change.oldValue()).isEqualTo("(binary: 3 bytes, sha256 039058c6f2c0cb49)");
		assertThat(change.newValue()).startsWith("(binary: 3 bytes, sha256 ").isNotEqualTo(change.oldValue());
	}

	@Test
	void maskedByteArrayShowsItsLengthButNoDigest() {
		FieldPolicy masked = policy(TestModelOptions.options().mask("data").build());
		ValueChange change = (ValueChange) this.detector
			.diff(snapshot("data", new byte[] { 1, 2, 3, 4 }), snapshot("data", new byte[] { 4, 3, 2, 1 }), masked)
			.get("data");
		assertThat(change).isNotNull();
		assertThat(change.oldValue()).isEqualTo(Masker.firstHalf().mask("(binary: 4 bytes)"))
			.isEqualTo(change.newValue())
			.doesNotContain("sha256");
	}

	@Test
	void maskedFieldIsLoggedMaskedOnCreateUpdateAndDelete() {
		assertThat(this.detector.diff(null, snapshot("password", "secret12"), this.policy).get("password"))
			.isEqualTo(new ValueChange(null, "****et12"));
		assertThat(this.detector.diff(snapshot("password", "secret12"), snapshot("password", "hunter22"), this.policy)
			.get("password")).isEqualTo(new ValueChange("****et12", "****er22"));
		assertThat(this.detector.diff(snapshot("password", "secret12"), null, this.policy).get("password"))
			.isEqualTo(new ValueChange("****et12", null));
	}

	@Test
	void maskingIsNeverAppliedToNull() {
		List<String> masked = new ArrayList<>();
		ChangeDetector detector = new ChangeDetector(new ValueFormatter(), (value) -> {
			masked.add(Objects.requireNonNull(value));
			return "#";
		});
		assertThat(detector.diff(snapshot("password", null), snapshot("password", "secret12"), this.policy)
			.get("password")).isEqualTo(new ValueChange(null, "#"));
		assertThat(detector.diff(snapshot("password", "secret12"), snapshot("password", null), this.policy)
			.get("password")).isEqualTo(new ValueChange("#", null));
		assertThat(masked).containsExactly("secret12", "secret12");
	}

	@Test
	void unmaskedFieldsAreNotPassedToTheMasker() {
		List<String> masked = new ArrayList<>();
		ChangeDetector detector = new ChangeDetector(new ValueFormatter(), (value) -> {
			masked.add(value);
			return value;
		});
		detector.diff(null, snapshot("name", "Pen", "password", "secret12"), this.policy);
		assertThat(masked).containsExactly("secret12");
	}

	@Test
	void customMaskerIsUsed() {
		ChangeDetector detector = new ChangeDetector(new ValueFormatter(), (value) -> "[hidden]");
		assertThat(detector.diff(snapshot("password", "a"), snapshot("password", "b"), this.policy).get("password"))
			.isEqualTo(new ValueChange("[hidden]", "[hidden]"));
	}

	@Test
	void maskedFieldWithTheSameValueIsNoChange() {
		assertThat(this.detector.diff(snapshot("password", "secret12"), snapshot("password", "secret12"), this.policy)
			.isEmpty()).isTrue();
	}

	@Test
	void changesCarryTheDisplayRulesOfThePolicy() {
		FieldPolicy labelled = policy(TestModelOptions.options().label("name", "Product name").build());
		Changes changes = this.detector.diff(null, snapshot("name", "Pen"), labelled);
		assertThat(changes.displayRules()).isEqualTo(labelled.displayRules());
		assertThat(changes.display()).containsOnlyKeys("Product name");
	}

	@Test
	void collectionsAreNotDiffedAsValues() {
		EntitySnapshot before = snapshot("name", "Pen", "tags", Set.of("a"));
		EntitySnapshot after = snapshot("name", "Pen", "tags", Set.of("b"));
		assertThat(this.detector.diff(before, after, this.policy).isEmpty()).isTrue();
	}

	@Test
	void collectionAdditionIsOneAddChange() {
		List<Changes> changes = this.detector.diffCollection("tags", Set.of(), Set.of("red", "blue"), this.policy);
		assertThat(changes).hasSize(1);
		assertThat(changes.get(0).get("tags")).isEqualTo(new CollectionChange(Operation.ADD, List.of("blue", "red")));
		assertThat(changes.get(0).toJson())
			.isEqualTo("{\"tags\":{\"type\":\"m2m\",\"operation\":\"add\",\"objects\":[\"blue\",\"red\"]}}");
	}

	@Test
	void collectionRemovalIsOneDeleteChange() {
		List<Changes> changes = this.detector.diffCollection("tags", Set.of("red", "blue", "green"), Set.of("green"),
				this.policy);
		assertThat(changes).hasSize(1);
		assertThat(changes.get(0).get("tags"))
			.isEqualTo(new CollectionChange(Operation.DELETE, List.of("blue", "red")));
	}

	@Test
	void additionAndRemovalAreTwoChangesAddFirst() {
		List<Changes> changes = this.detector.diffCollection("tags", Set.of("red", "green"), Set.of("green", "blue"),
				this.policy);
		assertThat(changes).extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.ADD, List.of("blue")),
					new CollectionChange(Operation.DELETE, List.of("red")));
	}

	@Test
	void collectionObjectsSortedByRepresentation() {
		List<EntityRef> after = List.of(new EntityRef(3L, "Charlie"), new EntityRef(1L, "alpha"),
				new EntityRef(2L, "Bravo"), new EntityRef(4L, null));
		List<Changes> changes = this.detector.diffCollection("tags", List.of(), after, this.policy);
		assertThat(((CollectionChange) changes.get(0).get("tags")).objects()).containsExactly("4", "Bravo", "Charlie",
				"alpha");
	}

	@Test
	void collectionOutputIsStableWhateverTheIterationOrder() {
		List<Changes> first = this.detector.diffCollection("tags", List.of(), List.of("c", "a", "b"), this.policy);
		List<Changes> second = this.detector.diffCollection("tags", List.of(), List.of("b", "c", "a"), this.policy);
		assertThat(first.get(0).toJson()).isEqualTo(second.get(0).toJson());
	}

	@Test
	void unchangedCollectionIsNoChange() {
		assertThat(this.detector.diffCollection("tags", Set.of("a", "b"), List.of("b", "a"), this.policy)).isEmpty();
	}

	@Test
	void bagCountsDuplicatesOnCreation() {
		assertThat(this.detector.diffCollection("tags", List.of(), List.of("X", "X"), this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.ADD, List.of("X", "X")));
	}

	@Test
	void bagLogsARemovedDuplicate() {
		assertThat(this.detector.diffCollection("tags", List.of("X", "X"), List.of("X"), this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.DELETE, List.of("X")));
	}

	@Test
	void bagLogsAnAddedDuplicate() {
		assertThat(this.detector.diffCollection("tags", List.of("X", "Y"), List.of("Y", "X", "X"), this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.ADD, List.of("X")));
	}

	@Test
	void reorderingABagIsNoChange() {
		assertThat(this.detector.diffCollection("tags", List.of("A", "B", "B"), List.of("B", "A", "B"), this.policy))
			.isEmpty();
	}

	@Test
	void reorderingAnOrderedListIsAChangeOfOrder() {
		assertThat(
				this.detector.diffCollection("tags", List.of("A", "B", "C"), List.of("B", "A", "C"), true, this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new ValueChange("[A, B, C]", "[B, A, C]"));
	}

	@Test
	void orderedListWithAdditionsAndRemovalsInPlaceHasNoChangeOfOrder() {
		assertThat(this.detector.diffCollection("tags", List.of("A", "B", "C"), List.of("Z", "A", "C", "D"), true,
				this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.ADD, List.of("D", "Z")),
					new CollectionChange(Operation.DELETE, List.of("B")));
		assertThat(this.detector.diffCollection("tags", List.of("X", "Y", "X"), List.of("Y", "X"), true, this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.DELETE, List.of("X")));
	}

	@Test
	void orderedListWithAnAdditionAndASwapLogsBoth() {
		assertThat(this.detector.diffCollection("tags", List.of("A", "B"), List.of("B", "A", "C"), true, this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.ADD, List.of("C")), new ValueChange("[A, B]", "[B, A, C]"));
	}

	@Test
	void changeOfOrderOfAMaskedListMasksEachElement() {
		assertThat(this.detector.diffCollection("secrets", List.of("secret12", "abcd"), List.of("abcd", "secret12"),
				true, this.policy))
			.extracting((change) -> change.get("secrets"))
			.containsExactly(new ValueChange("[****et12, **cd]", "[**cd, ****et12]"));
	}

	@Test
	void collectionElementWithAnotherRepresentationIsNoChange() {
		assertThat(this.detector.diffCollection("tags", Set.of(new EntityRef(1L, "old name")),
				Set.of(new EntityRef(1L, "new name")), this.policy))
			.isEmpty();
	}

	@Test
	void untrackedCollectionIsNeverDiffed() {
		assertThat(this.detector.diffCollection("categories", Set.of(), Set.of("x"), this.policy)).isEmpty();
	}

	@Test
	void maskedCollectionElementsAreMasked() {
		List<Changes> changes = this.detector.diffCollection("secrets", Set.of(), Set.of("secret12", "abcd"),
				this.policy);
		assertThat(changes.get(0).get("secrets"))
			.isEqualTo(new CollectionChange(Operation.ADD, List.of("****et12", "**cd")));
	}

	@Test
	void clearIsADeleteOfAllElements() {
		List<Changes> changes = this.detector.diffCollection("tags", Set.of("b", "a", "c"), Set.of(), this.policy);
		assertThat(changes).singleElement()
			.extracting((change) -> change.get("tags"))
			.isEqualTo(new CollectionChange(Operation.DELETE, List.of("a", "b", "c")));
	}

	@Test
	void collectionChangesCarryTheDisplayRulesOfThePolicy() {
		FieldPolicy labelled = policy(TestModelOptions.options().m2m("tags").label("tags", "Labels").build());
		List<Changes> changes = this.detector.diffCollection("tags", Set.of(), Set.of("x"), labelled);
		assertThat(changes.get(0).display()).containsOnlyKeys("Labels");
	}

	@Test
	void mapEntriesAreComparedAndListedWithTheirKeys() {
		assertThat(this.detector.diffCollection("tags", List.of(Map.entry("color", "red")),
				List.of(Map.entry("colour", "red")), this.policy))
			.extracting((change) -> change.get("tags"))
			.containsExactly(new CollectionChange(Operation.ADD, List.of("colour=red")),
					new CollectionChange(Operation.DELETE, List.of("color=red")));
		assertThat(this.detector.representationOf(Map.entry(new EntityRef(7L, null), new EntityRef(8L, "Bob"))))
			.isEqualTo("7=Bob");
	}

	@Test
	void maskedMapEntryHidesItsValueWhateverTheLengthOfItsKey() {
		FieldPolicy masked = FieldPolicy.builder("Card")
			.collectionField("secrets")
			.options(TestModelOptions.options().m2m("secrets").mask("secrets").build())
			.build();
		List<Changes> changes = this.detector.diffCollection("secrets", List.of(),
				List.of(Map.entry("primary-account-number-of-the-card", "4000123412341234")), masked);
		assertThat(changes).singleElement()
			.satisfies((change) -> assertThat(((CollectionChange) change.get("secrets")).objects())
				.containsExactly("primary-account-number-of-the-card=********12341234"));
	}

	@Test
	void maskedPathsInsideTheValuesOfAMapStayMasked() {
		FieldPolicy cards = FieldPolicy.builder("Wallet")
			.collectionField("cards")
			.elementField("cards.holder")
			.elementField("cards.number")
			.options(TestModelOptions.options().mask("cards.number").m2m("cards").build())
			.build();
		Map<String, @Nullable Object> ann = new LinkedHashMap<>();
		ann.put("holder", "Ann");
		ann.put("number", "4111111111111111");
		Map<String, @Nullable Object> bob = new LinkedHashMap<>(ann);
		bob.put("holder", "Bob");
		List<Changes> changes = this.detector.diffCollection("cards",
				List.of(Map.entry("home", new EmbeddableValue(ann))),
				List.of(Map.entry("home", new EmbeddableValue(bob)), Map.entry("work", new EmbeddableValue(ann))),
				cards);
		assertThat(changes).hasSize(2);
		assertThat(changes.toString()).doesNotContain("4111111111111111").contains("home=", "work=", "Bob");
		assertThat(((CollectionChange) changes.get(0).get("cards")).objects())
			.allSatisfy((object) -> assertThat(object).contains("\"number\":\"********11111111\""));
	}

	@Test
	void representationOfAReferenceIsItsToStringElseItsId() {
		assertThat(this.detector.representationOf(new EntityRef(7L, "Alice"))).isEqualTo("Alice");
		assertThat(this.detector.representationOf(new EntityRef(7L, null))).isEqualTo("7");
		assertThat(this.detector.representationOf(new BigDecimal("1E+2"))).isEqualTo("100");
		assertThat(this.detector.representationOf(null)).isEqualTo("null");
	}

	@Test
	void noSerializedDataUnlessTheModelAsks() {
		assertThat(this.detector.serialize(snapshot("name", "Pen"), this.policy)).isNull();
		FieldPolicy off = policy(TestModelOptions.options().serializeData(false).build());
		assertThat(this.detector.serialize(snapshot("name", "Pen"), off)).isNull();
	}

	@Test
	void serializedDataHoldsTheLoggedFieldsMaskedAndTrackedCollectionsSorted() {
		FieldPolicy serializing = policy(TestModelOptions.options()
			.serializeData(true)
			.exclude("notes")
			.mask("password", "secrets")
			.m2m("tags", "secrets")
			.build());
		EntitySnapshot state = snapshot("name", "Pen", "description", null, "price", new BigDecimal("12.50"), "notes",
				"internal", "password", "secret12", "tags", Set.of(new EntityRef(2L, "b"), new EntityRef(1L, "a")),
				"secrets", List.of("zz", "secret12"));
		assertThat(this.detector.serialize(state, serializing)).containsExactly(entry("name", "Pen"),
				entry("description", null), entry("price", "12.50"), entry("password", "****et12"),
				entry("tags", List.of("a", "b")), entry("secrets", List.of("****et12", "*z")));
	}

	@Test
	void serializeFieldsLimitTheSerializedData() {
		FieldPolicy serializing = policy(
				TestModelOptions.options().serializeData(true).serializeFields("name", "categories").build());
		EntitySnapshot state = snapshot("name", "Pen", "price", new BigDecimal("1"), "categories", List.of("y", "x"));
		assertThat(this.detector.serialize(state, serializing)).containsExactly(entry("name", "Pen"),
				entry("categories", List.of("x", "y")));
	}

	@Test
	void serializeAuditlogFieldsOnlyLimitsTheSerializedDataToAuditedFields() {
		FieldPolicy serializing = policy(TestModelOptions.options()
			.serializeData(true)
			.include("name", "tags")
			.m2m("tags")
			.serializeAuditlogFieldsOnly(true)
			.build());
		EntitySnapshot state = snapshot("name", "Pen", "price", new BigDecimal("1"), "tags", Set.of("t"), "categories",
				Set.of("c"));
		assertThat(this.detector.serialize(state, serializing)).containsExactly(entry("name", "Pen"),
				entry("tags", List.of("t")));
	}

	@Test
	void withoutSerializeAuditlogFieldsOnlyFieldsOutsideIncludeAreSerialized() {
		FieldPolicy serializing = policy(TestModelOptions.options().serializeData(true).include("name").build());
		EntitySnapshot state = snapshot("name", "Pen", "price", new BigDecimal("1"));
		assertThat(this.detector.serialize(state, serializing)).containsExactly(entry("name", "Pen"),
				entry("price", "1"));
	}

	@Test
	void excludedFieldIsNeverSerializedEvenWhenNamedInSerializeFields() {
		FieldPolicy serializing = policy(TestModelOptions.options()
			.serializeData(true)
			.exclude("notes")
			.serializeFields("name", "notes")
			.build());
		FieldPolicy everywhere = basePolicy().excludeEverywhere(List.of("notes"))
			.options(TestModelOptions.options().serializeData(true).serializeFields("name", "notes").build())
			.build();
		EntitySnapshot state = snapshot("name", "Pen", "notes", "internal");
		assertThat(this.detector.serialize(state, serializing)).containsExactly(entry("name", "Pen"));
		assertThat(this.detector.serialize(state, everywhere)).containsExactly(entry("name", "Pen"));
	}

	@Test
	void maskedFieldIsMaskedWhenNamedInSerializeFields() {
		FieldPolicy serializing = policy(
				TestModelOptions.options().serializeData(true).mask("password").serializeFields("password").build());
		assertThat(this.detector.serialize(snapshot("password", "secret12"), serializing))
			.containsExactly(entry("password", "****et12"));
	}

	private static FieldPolicy.Builder basePolicy() {
		return FieldPolicy.builder("Product")
			.field("name")
			.field("description")
			.field("price")
			.field("active")
			.field("status", Status.class)
			.field("updatedAt")
			.field("owner")
			.field("data")
			.field("password")
			.field("notes")
			.collectionField("tags")
			.collectionField("secrets")
			.collectionField("categories");
	}

	private static FieldPolicy policy(ModelOptions options) {
		return basePolicy().options(options).build();
	}

	private static EntitySnapshot snapshot(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return new EntitySnapshot("Product", 1L, "Product 1", values);
	}

	enum Status {

		ACTIVE, RETIRED

	}

}
