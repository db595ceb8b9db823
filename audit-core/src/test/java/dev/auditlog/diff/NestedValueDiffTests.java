package dev.auditlog.diff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.Masker;
import dev.auditlog.core.ValueChange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests of values with a structure: JSON documents and the embeddable elements of element
 * collections, with masked and excluded paths inside them.
 */
class NestedValueDiffTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ChangeDetector detector = new ChangeDetector();

	private final Masker masker = Masker.firstHalf();

	private final FieldPolicy policy = FieldPolicy.builder("Payment")
		.field("reference")
		.field("card.holder")
		.field("card.number")
		.documentField("metadata")
		.documentField("settings")
		.documentField("card.extra")
		.collectionField("cards")
		.elementField("cards.holder")
		.elementField("cards.number")
		.elementField("cards.code")
		.elementField("cards.billing.zip")
		.elementField("cards.billing.city")
		.elementField("cards.meta")
		.documentField("cards.meta")
		.collectionField("documents")
		.documentField("documents")
		.options(TestModelOptions.options()
			.mask("card.number", "metadata.secret", "metadata.items.pin", "metadata.nested", "settings",
					"card.extra.token", "cards.number", "cards.billing.zip", "cards.meta.key", "documents.pin")
			.exclude("metadata.internal", "metadata.dims.h", "cards.code")
			.m2m("cards", "documents")
			.serializeData(true)
			.build())
		.build();

	@Test
	void documentIsLoggedAsCanonicalJsonWithTypesKept() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("color", "red");
		metadata.put("size", 42);
		metadata.put("tags", List.of("a", "b"));
		metadata.put("dims", Map.of("w", 1.5));
		metadata.put("gift", true);
		metadata.put("note", null);
		assertThat(this.detector.diff(null, snapshot("metadata", metadata), this.policy).get("metadata"))
			.isEqualTo(new ValueChange(null,
					"{\"color\":\"red\",\"dims\":{\"w\":1.5},\"gift\":true,\"note\":null,\"size\":42,\"tags\":[\"a\",\"b\"]}"));
	}

	@Test
	void memberOrderAndNumberNotationAloneAreNoChange() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("a", 1);
		before.put("b", Map.of("x", 1.5, "y", 100));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("b", Map.of("y", new BigDecimal("1E+2"), "x", new BigDecimal("1.50")));
		after.put("a", 1L);
		assertThat(this.detector.diff(snapshot("metadata", before), snapshot("metadata", after), this.policy).isEmpty())
			.isTrue();
		assertThat(this.detector
			.diff(snapshot("metadata", json.readTree("{\"a\":1,\"b\":{\"x\":1.5,\"y\":100}}")),
					snapshot("metadata", "{ \"b\": {\"y\": 1.0e2, \"x\": 1.50}, \"a\": 1.0 }"), this.policy)
			.isEmpty()).isTrue();
	}

	@Test
	void aNumberBecomingTextIsAChange() {
		assertThat(this.detector
			.diff(snapshot("metadata", Map.of("size", 42)), snapshot("metadata", Map.of("size", "42")), this.policy)
			.get("metadata")).isEqualTo(new ValueChange("{\"size\":42}", "{\"size\":\"42\"}"));
	}

	@Test
	void maskedPathIsMaskedAndExcludedPathLeftOutOnCreateUpdateAndDelete() {
		Map<String, Object> before = Map.of("color", "red", "secret", "hunter22", "internal", "x-17");
		Map<String, Object> after = Map.of("color", "red", "secret", "swordfish", "internal", "x-17");
		assertThat(this.detector.diff(null, snapshot("metadata", before), this.policy).get("metadata"))
			.isEqualTo(new ValueChange(null, "{\"color\":\"red\",\"secret\":\"****er22\"}"));
		assertThat(this.detector.diff(snapshot("metadata", before), snapshot("metadata", after), this.policy)
			.get("metadata"))
			.isEqualTo(new ValueChange("{\"color\":\"red\",\"secret\":\"****er22\"}",
					"{\"color\":\"red\",\"secret\":\"" + this.masker.mask("swordfish") + "\"}"));
		assertThat(this.detector.diff(snapshot("metadata", before), null, this.policy).get("metadata"))
			.isEqualTo(new ValueChange("{\"color\":\"red\",\"secret\":\"****er22\"}", null));
	}

	@Test
	void changeOfAnExcludedPathAloneIsNoChange() {
		assertThat(
				this.detector
					.diff(snapshot("metadata", Map.of("color", "red", "internal", "a", "dims", Map.of("w", 1, "h", 2))),
							snapshot("metadata",
									Map.of("color", "red", "internal", "b", "dims", Map.of("w", 1, "h", 3))),
							this.policy)
					.isEmpty())
			.isTrue();
	}

	@Test
	void maskedPathHoldingAnObjectANumberOrAnArrayIsMaskedAsItsText() {
		Map<String, Object> metadata = Map.of("secret", 12345678, "nested", Map.of("b", 2, "a", 1));
		assertThat(this.detector.diff(null, snapshot("metadata", metadata), this.policy).get("metadata"))
			.isEqualTo(new ValueChange(null,
					"{\"nested\":\""
							+ json.writeValueAsString(this.masker.mask("{\"a\":1,\"b\":2}")).replaceAll("^\"|\"$", "")
							+ "\",\"secret\":\"****5678\"}"));
	}

	@Test
	void pathCrossesArrays() {
		Map<String, Object> metadata = Map.of("items",
				List.of(Map.of("pin", "1234", "sku", "A"), Map.of("pin", "98765432", "sku", "B"), Map.of("sku", "C")));
		assertThat(this.detector.diff(null, snapshot("metadata", metadata), this.policy).get("metadata"))
			.isEqualTo(new ValueChange(null,
					"{\"items\":[{\"pin\":\"**34\",\"sku\":\"A\"},{\"pin\":\"****5432\",\"sku\":\"B\"},{\"sku\":\"C\"}]}"));
	}

	@Test
	void memberNamesHoldingDotsAreReachedByThePath() {
		FieldPolicy dotted = FieldPolicy.builder("Payment")
			.documentField("metadata")
			.options(TestModelOptions.options().mask("metadata.user.email").exclude("metadata.a.b.c").build())
			.build();
		Map<String, Object> metadata = Map.of("user.email", "ann@example.com", "user",
				Map.of("email", "bob@example.com"), "a.b.c", "gone", "a",
				Map.of("b.c", "gone too", "b", Map.of("c", "gone as well", "d", "kept")));
		assertThat(this.detector.diff(null, snapshot("metadata", metadata), dotted).get("metadata"))
			.isEqualTo(new ValueChange(null,
					"{\"a\":{\"b\":{\"d\":\"kept\"}},\"user\":{\"email\":\"" + this.masker.mask("bob@example.com")
							+ "\"},\"user.email\":\"" + this.masker.mask("ann@example.com") + "\"}"));
	}

	@Test
	void nullInsideAMaskedPathStaysNull() {
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
		metadata.put("secret", null);
		assertThat(this.detector.diff(null, snapshot("metadata", metadata), this.policy).get("metadata"))
			.isEqualTo(new ValueChange(null, "{\"secret\":null}"));
	}

	@Test
	void wholeDocumentMaskedIsMaskedAsItsCanonicalText() {
		Settings settings = new Settings("dark", "sk_live_abcdef");
		assertThat(this.detector.diff(null, snapshot("settings", settings), this.policy).get("settings"))
			.isEqualTo(new ValueChange(null, this.masker.mask("{\"apiKey\":\"sk_live_abcdef\",\"theme\":\"dark\"}")));
	}

	@Test
	void documentInsideAnEmbeddedValueTakesItsPaths() {
		assertThat(this.detector
			.diff(null, snapshot("card.extra", "{\"token\":\"tok_123456\",\"brand\":\"visa\"}"), this.policy)
			.get("card.extra")).isEqualTo(new ValueChange(null, "{\"brand\":\"visa\",\"token\":\"*****23456\"}"));
	}

	@Test
	void documentsOfEveryJavaShapeAreRead() {
		String expected = "{\"apiKey\":\"" + this.masker.mask("k-1") + "\",\"theme\":\"dark\"}";
		FieldPolicy maskedKey = FieldPolicy.builder("Payment")
			.documentField("settings")
			.options(TestModelOptions.options().mask("settings.apiKey").build())
			.build();
		for (Object settings : List.of(new Settings("dark", "k-1"), Map.of("theme", "dark", "apiKey", "k-1"),
				json.readTree("{\"theme\":\"dark\",\"apiKey\":\"k-1\"}"), "{\"theme\":\"dark\",\"apiKey\":\"k-1\"}",
				"{\"theme\":\"dark\",\"apiKey\":\"k-1\"}".toCharArray())) {
			assertThat(this.detector.diff(null, snapshot("settings", settings), maskedKey).get("settings"))
				.as("settings given as %s", settings.getClass())
				.isEqualTo(new ValueChange(null, expected));
		}
		assertThat(
				this.detector.diff(null, snapshot("settings", List.of(1, "two", LocalDate.of(2025, 1, 31))), maskedKey)
					.get("settings"))
			.isEqualTo(new ValueChange(null, "[1,\"two\",\"2025-01-31\"]"));
	}

	@Test
	void textThatIsNotJsonIsLoggedAsANoteWhenPathsInsideAreHidden() {
		assertThat(this.detector.diff(null, snapshot("metadata", "secret=hunter22"), this.policy).get("metadata"))
			.isEqualTo(new ValueChange(null, ChangeDetector.UNREADABLE));
		FieldPolicy plain = FieldPolicy.builder("Payment").documentField("metadata").build();
		assertThat(this.detector.diff(null, snapshot("metadata", "just text"), plain).get("metadata"))
			.isEqualTo(new ValueChange(null, "just text"));
	}

	@Test
	void valueJacksonCannotWriteIsComparedByItsTextAndNeverLoggedInClearWhenPathsAreHidden() {
		Unwritable first = new Unwritable("hunter22");
		ValueChange change = (ValueChange) this.detector.diff(null, snapshot("metadata", first), this.policy)
			.get("metadata");
		assertThat(change).isEqualTo(new ValueChange(null, ChangeDetector.UNREADABLE));
		assertThat(this.detector
			.diff(snapshot("metadata", first), snapshot("metadata", new Unwritable("hunter22")), this.policy)
			.isEmpty()).isTrue();
	}

	@Test
	void embeddableElementsAreLoggedAsJsonObjectsWithTheirPathsMaskedAndExcluded() {
		EmbeddableValue ann = card("Ann", "4111111111111111", "737", "69001", null);
		EmbeddableValue bob = card("Bob", "5500005555555559", "123", "75001", Map.of("key", "abcdef", "x", 1));
		List<Changes> changes = this.detector.diffCollection("cards", List.of(ann), List.of(bob), this.policy);
		assertThat(changes).extracting(Changes::asMap)
			.containsExactly(Map.of("cards", new CollectionChange(Operation.ADD, List
				.of("{\"billing\":{\"city\":\"Paris\",\"zip\":\"**001\"},\"holder\":\"Bob\",\"meta\":{\"key\":\"***def\",\"x\":1},\"number\":\"********55555559\"}"))),
					Map.of("cards", new CollectionChange(Operation.DELETE, List
						.of("{\"billing\":{\"city\":\"Paris\",\"zip\":\"**001\"},\"holder\":\"Ann\",\"meta\":null,\"number\":\"********11111111\"}"))));
	}

	@Test
	void elementsDifferingInAnExcludedFieldAloneAreTheSame() {
		assertThat(this.detector.diffCollection("cards", List.of(card("Ann", "4111", "737", "69001", null)),
				List.of(card("Ann", "4111", "999", "69001", null)), this.policy))
			.isEmpty();
	}

	@Test
	void elementsDifferingInAMaskedFieldAloneAreLoggedAsRemovedAndAdded() {
		List<Changes> changes = this.detector.diffCollection("cards",
				List.of(card("Ann", "12345678", "737", "69001", null)),
				List.of(card("Ann", "87655678", "737", "69001", null)), this.policy);
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).toJson()).contains("****5678");
		assertThat(changes.get(1).toJson()).contains("****5678");
	}

	@Test
	void documentElementsTakeTheirPaths() {
		assertThat(this.detector.diffCollection("documents", List.of(),
				List.of(Map.of("pin", "12345678", "n", 1), "{\"pin\":\"abcd\"}"), this.policy))
			.extracting(Changes::asMap)
			.containsExactly(Map.of("documents", new CollectionChange(Operation.ADD,
					List.of("{\"n\":1,\"pin\":\"****5678\"}", "{\"pin\":\"**cd\"}"))));
	}

	@Test
	void serializedStateTakesTheSameMaskedDocument() {
		Map<String, @Nullable Object> state = this.detector.serialize(snapshot("reference", "P-1", "metadata",
				List.of(Map.of("secret", "x"), 2), "card.number", "4111111111111111"), this.policy);
		assertThat(state).containsExactly(entry("reference", "P-1"), entry("metadata", "[{\"secret\":\"*\"},2]"),
				entry("card.number", "********11111111"));
		assertThat(this.detector.serialize(snapshot("metadata", Map.of("secret", "hunter22", "internal", "i")),
				this.policy))
			.containsExactly(entry("metadata", "{\"secret\":\"****er22\"}"));
	}

	@Test
	void changesLoggedByHandHaveTheirPathsMaskedAndExcludedFieldsDropped() {
		Map<String, FieldChange> given = new LinkedHashMap<>();
		given.put("metadata", new ValueChange("{\"secret\":\"hunter22\",\"internal\":\"i\"}", "secret=swordfish"));
		given.put("cards", new CollectionChange(Operation.ADD,
				List.of("{\"holder\":\"Ann\",\"number\":\"4111111111111111\",\"code\":\"737\"}", "Ann's card 4111")));
		given.put("card.number", new ValueChange(null, "4111111111111111"));
		FieldPolicy excluding = FieldPolicy.builder("Payment")
			.field("card.number")
			.field("card.code")
			.documentField("metadata")
			.collectionField("cards")
			.elementField("cards.holder")
			.elementField("cards.number")
			.elementField("cards.code")
			.options(TestModelOptions.options()
				.mask("card.number", "metadata.secret", "cards.number")
				.exclude("card.code", "metadata.internal", "cards.code")
				.build())
			.build();
		given.put("card.code", new ValueChange("737", "999"));
		Changes masked = this.detector.mask(Changes.of(given), excluding);
		assertThat(masked.asMap()).containsExactly(entry("card.number", new ValueChange(null, "********11111111")),
				entry("cards",
						new CollectionChange(Operation.ADD,
								List.of(ChangeDetector.UNREADABLE,
										"{\"holder\":\"Ann\",\"number\":\"********11111111\"}"))),
				entry("metadata", new ValueChange("{\"secret\":\"****er22\"}", ChangeDetector.UNREADABLE)));
	}

	@TestFactory
	List<DynamicTest> noClearSecretInsideADocumentOrAnElementIsEverLogged() {
		long seed = 7_2025L;
		Random random = new Random(seed);
		List<DynamicTest> tests = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String secret = secret(random);
			String excluded = secret(random);
			String number = secret(random);
			String code = secret(random);
			int round = i;
			tests.add(DynamicTest.dynamicTest("round " + round, () -> {
				Map<String, Object> metadata = Map.of("secret", secret, "internal", excluded, "items",
						List.of(Map.of("pin", number)));
				EmbeddableValue element = card("Ann", number, code, secret, Map.of("key", secret));
				List<String> logged = new ArrayList<>();
				logged.add(this.detector
					.diff(null, snapshot("metadata", metadata, "card.extra", Map.of("token", code)), this.policy)
					.toJson());
				logged.add(this.detector.diff(snapshot("metadata", metadata), null, this.policy).toJson());
				logged
					.add(json.writeValueAsString(this.detector.serialize(snapshot("metadata", metadata), this.policy)));
				this.detector.diffCollection("cards", List.of(), List.of(element), this.policy)
					.forEach((changes) -> logged.add(changes.toJson()));
				logged
					.add(this.detector
						.mask(Changes.of(Map.of("metadata", new ValueChange(null, json.writeValueAsString(metadata)))),
								this.policy)
						.toJson());
				List<String> texts = decoded(logged);
				for (String clear : List.of(secret, excluded, number, code)) {
					assertThat(texts).as("seed %d, round %d: %s", seed, round, json.writeValueAsString(clear))
						.noneMatch((text) -> text.contains(clear));
				}
			}));
		}
		return tests;
	}

	private static final int[] ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			+ "\"\\'{}[]:,. \t\n\u0001éüß中文😀🔑*-_/")
		.codePoints()
		.toArray();

	private static String secret(Random random) {
		StringBuilder secret = new StringBuilder();
		for (int i = 6 + random.nextInt(60); i > 0; i--) {
			secret.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return secret.toString();
	}

	private static List<String> decoded(List<String> texts) {
		List<String> all = new ArrayList<>();
		texts.forEach((text) -> collect(text, all));
		return all;
	}

	private static void collect(String text, List<String> all) {
		all.add(text);
		try {
			collect(json.readTree(text), all);
		}
		catch (JacksonException ex) {
			// plain text
		}
	}

	private static void collect(JsonNode node, List<String> all) {
		if (node.isString()) {
			collect(node.stringValue(), all);
		}
		else if (node.isObject()) {
			node.properties().forEach((member) -> {
				all.add(member.getKey());
				collect(member.getValue(), all);
			});
		}
		else if (node.isArray()) {
			node.values().forEach((element) -> collect(element, all));
		}
	}

	private static EmbeddableValue card(String holder, String number, String code, String zip,
			@Nullable Map<String, Object> meta) {
		Map<String, @Nullable Object> billing = new LinkedHashMap<>();
		billing.put("zip", zip);
		billing.put("city", "Paris");
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("number", number);
		values.put("holder", holder);
		values.put("code", code);
		values.put("billing", new EmbeddableValue(billing));
		values.put("meta", meta);
		return new EmbeddableValue(values);
	}

	private static EntitySnapshot snapshot(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return new EntitySnapshot("Payment", 1L, "Payment 1", values);
	}

	record Settings(String theme, String apiKey) {

	}

	/**
	 * A value Jackson cannot write: its getter fails. Its {@code toString()} holds its
	 * secret.
	 */
	static final class Unwritable {

		private final String secret;

		Unwritable(String secret) {
			this.secret = secret;
		}

		public String getSecret() {
			throw new IllegalStateException("not readable");
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Unwritable unwritable && unwritable.secret.equals(this.secret);
		}

		@Override
		public int hashCode() {
			return this.secret.hashCode();
		}

		@Override
		public String toString() {
			return "Unwritable " + this.secret;
		}

	}

}
