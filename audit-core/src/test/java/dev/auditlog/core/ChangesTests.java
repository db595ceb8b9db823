package dev.auditlog.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.auditlog.core.CollectionChange.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class ChangesTests {

	@Test
	void valueChangeJson() {
		assertThat(Changes.of(Map.of("name", new ValueChange("a", "b"))).toJson())
			.isEqualTo("{\"name\":[\"a\",\"b\"]}");
	}

	@Test
	void nullValuesAreJsonNull() {
		Changes changes = changes("created", new ValueChange(null, "b"), "deleted", new ValueChange("a", null));
		assertThat(changes.toJson()).isEqualTo("{\"created\":[null,\"b\"],\"deleted\":[\"a\",null]}");
	}

	@Test
	void collectionChangeJson() {
		Changes changes = Changes.of(Map.of("tags", new CollectionChange(Operation.ADD, List.of("a", "b"))));
		assertThat(changes.toJson())
			.isEqualTo("{\"tags\":{\"type\":\"m2m\",\"operation\":\"add\",\"objects\":[\"a\",\"b\"]}}");
		Changes removed = Changes.of(Map.of("tags", new CollectionChange(Operation.DELETE, List.of("c"))));
		assertThat(removed.toJson())
			.isEqualTo("{\"tags\":{\"type\":\"m2m\",\"operation\":\"delete\",\"objects\":[\"c\"]}}");
	}

	@Test
	void changesAreOrderedByFieldNameHoweverGivenOrRead() {
		Changes changes = changes("zeta", new ValueChange("1", "2"), "alpha", new ValueChange("3", "4"));
		assertThat(changes.toJson()).isEqualTo("{\"alpha\":[\"3\",\"4\"],\"zeta\":[\"1\",\"2\"]}");
		assertThat(changes.fields()).containsExactly("alpha", "zeta");
		Changes read = Changes.fromJson("{\"zeta\":[\"1\",\"2\"],\"b.c\":[null,\"x\"],\"alpha\":[\"3\",\"4\"]}");
		assertThat(read.fields()).containsExactly("alpha", "b.c", "zeta");
		assertThat(read.text()).isEqualTo("alpha: 3 → 4; b.c: null → x; zeta: 1 → 2");
	}

	@Test
	void referenceLabelsAreShownInsteadOfIdsWhereKnown() {
		Changes changes = changes("type", new ValueChange("1", "2"), "owner", new ValueChange("7", null))
			.withReferenceLabels(
					Map.of("type", new ValueChange("cat", null), "owner", new ValueChange("George", null)));
		assertThat(changes.toJsonValue()).containsEntry("type", Arrays.asList("1", "2"));
		assertThat(changes.display()).containsExactly(entry("Owner", Arrays.asList("George", null)),
				entry("Type", Arrays.asList("cat", "2")));
		assertThat(changes.text()).isEqualTo("owner: George → null; type: cat → 2");
	}

	@Test
	void emptyChangesAreAnEmptyObject() {
		assertThat(Changes.empty().toJson()).isEqualTo("{}");
		assertThat(Changes.empty().isEmpty()).isTrue();
		assertThat(Changes.of(Map.of())).isSameAs(Changes.empty());
		assertThat(Changes.fromJson("{}")).isEqualTo(Changes.empty());
	}

	@Test
	void jsonRoundTrip() {
		Changes changes = changes("name", new ValueChange("a \"quoted\"\nline", "😀 é\t\\"), "note",
				new ValueChange(null, ""), "tags",
				new CollectionChange(Operation.DELETE, List.of("x", "y, z", "null")));
		Changes read = Changes.fromJson(changes.toJson());
		assertThat(read).isEqualTo(changes);
		assertThat(read.fields()).containsExactly("name", "note", "tags");
		assertThat(read.toJson()).isEqualTo(changes.toJson());
	}

	@Test
	void fromJsonAcceptsWhitespaceAndUnicodeEscapes() {
		assertThat(Changes.fromJson(" { \"name\" : [ \"\\u00e9\" , null ] } ").get("name"))
			.isEqualTo(new ValueChange("é", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "", "null", "42", "\"text\"", "[]", "[[\"a\",\"b\"]]", "{\"a\":[\"x\",\"y\"]",
			"{\"a\":1}", "{\"a\":\"x\"}", "{\"a\":null}", "{\"a\":[\"x\"]}", "{\"a\":[\"x\",\"y\",\"z\"]}",
			"{\"a\":{\"type\":\"m2m\"}}", "{\"a\":{\"type\":\"m2m\",\"operation\":\"move\",\"objects\":[]}}",
			"{\"a\":[{\"x\":1},\"y\"]}", "{\"a\":[\"x\",[\"y\"]]}",
			"{\"a\":{\"type\":\"m2m\",\"operation\":\"add\",\"objects\":[{\"id\":1}]}}" })
	void fromJsonRejectsWhatIsNotAChangeSet(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> Changes.fromJson(json));
	}

	@Test
	void fromJsonRejectionNamesTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> Changes.fromJson("{\"price\":12}"))
			.withMessageContaining("'price'");
	}

	@Test
	void accessors() {
		ValueChange name = new ValueChange("a", "b");
		Changes changes = changes("name", name);
		assertThat(changes.get("name")).isEqualTo(name);
		assertThat(changes.get("other")).isNull();
		assertThat(changes.size()).isOne();
		assertThat(changes.isEmpty()).isFalse();
		assertThat(changes.asMap()).containsExactly(entry("name", name));
		assertThat(changes).hasToString("{\"name\":[\"a\",\"b\"]}");
	}

	@Test
	void changesAreImmutable() {
		Map<String, FieldChange> source = new LinkedHashMap<>();
		source.put("name", new ValueChange("a", "b"));
		Changes changes = Changes.of(source);
		source.put("other", new ValueChange("c", "d"));
		assertThat(changes.fields()).containsExactly("name");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> changes.asMap().put("x", new ValueChange(null, null)));
	}

	@Test
	void collectionChangeObjectsAreCopied() {
		List<String> objects = new ArrayList<>(List.of("a"));
		CollectionChange change = new CollectionChange(Operation.ADD, objects);
		objects.add("b");
		assertThat(change.objects()).containsExactly("a");
	}

	@Test
	void operationJsonNames() {
		assertThat(Operation.ADD.jsonName()).isEqualTo("add");
		assertThat(Operation.DELETE.jsonName()).isEqualTo("delete");
		assertThat(Operation.fromJsonName("add")).isEqualTo(Operation.ADD);
		assertThat(Operation.fromJsonName("DELETE")).isEqualTo(Operation.DELETE);
	}

	@Test
	void equalsIgnoresDisplayRules() {
		Changes plain = changes("name", new ValueChange("a", "b"));
		Changes labelled = plain.withDisplayRules(new DisplayRules(Map.of("name", "Title"), Map.of(), 3));
		assertThat(labelled).isEqualTo(plain).hasSameHashCodeAs(plain);
		assertThat(labelled.displayRules()).isNotEqualTo(plain.displayRules());
		assertThat(labelled).isNotEqualTo(changes("name", new ValueChange("a", "c")));
	}

	@Test
	void displayUsesLabelsFromMapping() {
		Changes changes = changes("sku", new ValueChange("1", "2"))
			.withDisplayRules(new DisplayRules(Map.of("sku", "Product No."), Map.of(), 140));
		assertThat(changes.display()).containsExactly(entry("Product No.", Arrays.asList("1", "2")));
	}

	@Test
	void displayHumanizesFieldsWithoutLabel() {
		Changes changes = changes("unitPrice", new ValueChange("1", "2"), "unit_stock", new ValueChange("3", "4"),
				"address.city", new ValueChange(null, "Paris"));
		assertThat(changes.display()).containsExactly(entry("Address city", Arrays.asList(null, "Paris")),
				entry("Unit price", Arrays.asList("1", "2")), entry("Unit stock", Arrays.asList("3", "4")));
	}

	@Test
	void displayShowsEnumValueLabels() {
		Changes changes = changes("status", new ValueChange("ACTIVE", "RETIRED")).withDisplayRules(new DisplayRules(
				Map.of(), Map.of("status", Map.of("ACTIVE", "Active", "RETIRED", "No longer sold")), 140));
		assertThat(changes.display()).containsExactly(entry("Status", Arrays.asList("Active", "No longer sold")));
	}

	@Test
	void displayCutsLongValues() {
		String value = "x".repeat(141);
		Changes changes = changes("text", new ValueChange("y".repeat(140), value));
		assertThat(changes.display())
			.containsExactly(entry("Text", Arrays.asList("y".repeat(140), "x".repeat(140) + "…")));
	}

	@Test
	void displayCutsAtCodePoints() {
		Changes changes = changes("text", new ValueChange("😀".repeat(140), "😀".repeat(141)));
		assertThat(changes.display())
			.containsExactly(entry("Text", Arrays.asList("😀".repeat(140), "😀".repeat(140) + "…")));
	}

	@Test
	void displayWithMaxLengthZeroShowsEmptyValues() {
		Changes changes = changes("text", new ValueChange(null, "value"))
			.withDisplayRules(DisplayRules.DEFAULT.withMaxLength(0));
		assertThat(changes.display()).containsExactly(entry("Text", Arrays.asList(null, "")));
	}

	@Test
	void displayWithNegativeMaxLengthNeverCuts() {
		String value = "x".repeat(10_000);
		Changes changes = changes("text", new ValueChange(null, value))
			.withDisplayRules(DisplayRules.DEFAULT.withMaxLength(-1));
		assertThat(changes.display()).containsExactly(entry("Text", Arrays.asList(null, value)));
	}

	@Test
	void displayShowsMaskedValuesAsStored() {
		Changes changes = changes("password", new ValueChange("****et12", "****er22"));
		assertThat(changes.display()).containsExactly(entry("Password", Arrays.asList("****et12", "****er22")));
	}

	@Test
	void displayOfACollectionChange() {
		Changes changes = changes("tags", new CollectionChange(Operation.ADD, List.of("RED", "x".repeat(5))))
			.withDisplayRules(new DisplayRules(Map.of("tags", "Labels"), Map.of("tags", Map.of("RED", "Red")), 3));
		assertThat(changes.display()).containsExactly(
				entry("Labels", Map.of("type", "m2m", "operation", "add", "objects", List.of("Red", "xxx…"))));
	}

	@Test
	void textJoinsFieldsOldAndNewValues() {
		Changes changes = changes("name", new ValueChange("a", "b"), "tags",
				new CollectionChange(Operation.ADD, List.of("x", "y")));
		assertThat(changes.text()).isEqualTo("name: a → b; tags: add x, y");
	}

	@Test
	void textShowsNullAsNull() {
		assertThat(changes("note", new ValueChange(null, "x")).text()).isEqualTo("note: null → x");
	}

	@Test
	void textWithCustomSeparators() {
		Changes changes = changes("name", new ValueChange("a", "b"), "tags",
				new CollectionChange(Operation.DELETE, List.of("x")));
		assertThat(changes.text(" = ", " -> ", " | ")).isEqualTo("name = a -> b | tags = delete x");
	}

	@Test
	void textOfNoChangesIsEmpty() {
		assertThat(Changes.empty().text()).isEmpty();
	}

	private static Changes changes(Object... namesAndChanges) {
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndChanges.length; i += 2) {
			fields.put((String) namesAndChanges[i], (FieldChange) namesAndChanges[i + 1]);
		}
		return Changes.of(fields);
	}

	@Test
	void toJsonWritesWhatJacksonWritesForAnyText() {
		JsonMapper jackson = JsonMapper.builder().build();
		char[] alphabet = { 'a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\t', '\n', '\f', '\r', '\u0000', '\u0001',
				'\u001f', '\u007f', '\u0080', 'é', '\u2028', '\u2029', '\ud83d', '\ude00', '\uffff', '<', '&', '\'' };
		for (long seed = 0; seed < 500; seed++) {
			Random random = new Random(seed);
			Map<String, FieldChange> fields = new LinkedHashMap<>();
			int count = 1 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				String name = randomText(random, alphabet) + i;
				if (random.nextBoolean()) {
					fields.put(name, new ValueChange(random.nextInt(4) == 0 ? null : randomText(random, alphabet),
							random.nextInt(4) == 0 ? null : randomText(random, alphabet)));
				}
				else {
					List<String> objects = new ArrayList<>();
					for (int j = random.nextInt(3); j >= 0; j--) {
						objects.add(randomText(random, alphabet));
					}
					fields.put(name,
							new CollectionChange(random.nextBoolean() ? Operation.ADD : Operation.DELETE, objects));
				}
			}
			Changes changes = Changes.of(fields);
			assertThat(changes.toJson()).as("seed %d: %s", seed, fields)
				.isEqualTo(jackson.writeValueAsString(changes.toJsonValue()));
			assertThat(Changes.fromJson(changes.toJson())).as("seed %d", seed).isEqualTo(changes);
		}
	}

	private static String randomText(Random random, char[] alphabet) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i > 0; i--) {
			text.append(alphabet[random.nextInt(alphabet.length)]);
		}
		return text.toString();
	}

}
