package dev.auditlog.spring.masking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.Masker;
import dev.auditlog.core.ValueChange;
import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;
import dev.auditlog.spring.masking.MaskingApplication.RecordedEvents;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking and exclusion wherever a value lives: in an embeddable, a nested embeddable,
 * the embeddable elements of an element collection, and paths inside JSON documents; in
 * the stored {@code changes} and {@code serialized_data}, the published events and what
 * {@link AuditLog#history(Object)} reads. Run on each database by a subclass.
 */
@SpringBootTest(classes = MaskingApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.models.Payment.mask-fields=metadata.secret,settings.apiKey,formerCards.holder,"
						+ "card.extras.pin,formerCards.extras.pin",
				"auditlog.models.Payment.exclude-fields=metadata.internal",
				"spring.datasource.hikari.maximum-pool-size=3" })
abstract class MaskingScenarios {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Masker masker = Masker.firstHalf();

	private static final String NUMBER = "4111111111111111";

	private static final String OTHER_NUMBER = "5500005555555559";

	private static final String SECURITY_CODE = "737";

	private static final String IBAN = "FR7630006000011234567890189";

	private static final String WALLET_TOKEN = "wt_9f8e7d6c5b4a";

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordedEvents events;

	@Autowired
	AuditLog auditLog;

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			for (String table : List.of("payment_former_card", "payment_voucher", "payment", "auditlog_logentry")) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
		this.events.clear();
	}

	@Test
	void createLogsEmbeddedNestedElementAndDocumentSecretsMasked() {
		Payment payment = inTransaction((em) -> persist(newPayment()));
		Row row = onlyRow();
		assertThat(row.action()).isEqualTo(Action.CREATE);
		Map<String, FieldChange> expected = new LinkedHashMap<>();
		expected.put("id", new ValueChange(null, payment.getId().toString()));
		expected.put("reference", new ValueChange(null, "P-1"));
		expected.put("card.holder", new ValueChange(null, "Ann Lee"));
		expected.put("card.number", new ValueChange(null, masker.mask(NUMBER)));
		expected.put("card.billing.city", new ValueChange(null, "Lyon"));
		expected.put("card.billing.zip", new ValueChange(null, masker.mask("69001")));
		expected.put("card.extras",
				new ValueChange(null, "{\"brand\":\"visa\",\"pin\":\"" + masker.mask("1234") + "\"}"));
		expected.put("loyalty.tier", new ValueChange(null, "gold"));
		expected.put("loyalty.vouchers", new CollectionChange(Operation.ADD,
				List.of(masker.mask("VCH-AAAA-1111"), masker.mask("VCH-BBBB-2222"))));
		expected.put("metadata", new ValueChange(null, "{\"color\":\"red\",\"dims\":{\"w\":1.5},\"secret\":\""
				+ masker.mask("hunter22") + "\",\"size\":42,\"tags\":[\"a\",\"b\"]}"));
		expected.put("settings", new ValueChange(null,
				"{\"apiKey\":\"" + masker.mask("sk_live_abcdef") + "\",\"retries\":3,\"theme\":\"dark\"}"));
		expected.put("formerCards", new CollectionChange(Operation.ADD, List.of(formerCard("Bob Ray", OTHER_NUMBER))));
		expected.put("method.label", new ValueChange(null, "bank"));
		expected.put("method.iban", new ValueChange(null, masker.mask(IBAN)));
		expected.put("wallet.provider", new ValueChange(null, "Pay"));
		expected.put("wallet.token", new ValueChange(null, masker.mask(WALLET_TOKEN)));
		assertThat(row.changes()).isEqualTo(expected);
		assertThat(row.serializedData()).isEqualTo(serialized(expected));
		assertThat(row.changes()).doesNotContainKeys("card.securityCode", "wallet.pin");
		assertPublishedAndReadAsStored(payment);
	}

	@Test
	void documentIsLoggedAsItselfInStableOrder() {
		Payment payment = inTransaction((em) -> {
			Payment created = newPayment();
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("tags", List.of("a", "b"));
			metadata.put("size", 42);
			metadata.put("dims", Map.of("w", 1.5));
			metadata.put("color", "red");
			created.setMetadata(metadata);
			return persist(created);
		});
		assertThat(onlyRow().changes()).containsEntry("metadata",
				new ValueChange(null, "{\"color\":\"red\",\"dims\":{\"w\":1.5},\"size\":42,\"tags\":[\"a\",\"b\"]}"));
		inTransaction((em) -> {
			// the same document in another member order, with 1.50 for 1.5
			Map<String, Object> reordered = new LinkedHashMap<>();
			reordered.put("color", "red");
			reordered.put("dims", Map.of("w", new java.math.BigDecimal("1.50")));
			reordered.put("size", 42);
			reordered.put("tags", List.of("a", "b"));
			em.find(Payment.class, payment.getId()).setMetadata(reordered);
			return null;
		});
		assertThat(rows()).hasSize(1);
		inTransaction((em) -> {
			Map<String, Object> changed = new LinkedHashMap<>(em.find(Payment.class, payment.getId()).getMetadata());
			changed.put("size", "42");
			em.find(Payment.class, payment.getId()).setMetadata(changed);
			return null;
		});
		assertThat(lastRow().changes()).containsOnlyKeys("metadata")
			.containsEntry("metadata",
					new ValueChange("{\"color\":\"red\",\"dims\":{\"w\":1.5},\"size\":42,\"tags\":[\"a\",\"b\"]}",
							"{\"color\":\"red\",\"dims\":{\"w\":1.5},\"size\":\"42\",\"tags\":[\"a\",\"b\"]}"));
	}

	@Test
	void updateOfMaskedValuesLogsBothSidesMasked() {
		Payment payment = inTransaction((em) -> persist(newPayment()));
		inTransaction((em) -> {
			Payment loaded = em.find(Payment.class, payment.getId());
			loaded.getCard().setNumber(OTHER_NUMBER);
			loaded.getCard().getBilling().setZip("75002");
			Map<String, Object> metadata = new LinkedHashMap<>(loaded.getMetadata());
			metadata.put("secret", "swordfish");
			loaded.setMetadata(metadata);
			loaded.setSettings(new Settings("dark", "sk_live_zyxwvu", 3));
			return null;
		});
		Row row = lastRow();
		assertThat(row.action()).isEqualTo(Action.UPDATE);
		Map<String, FieldChange> expected = new LinkedHashMap<>();
		expected.put("card.number", new ValueChange(masker.mask(NUMBER), masker.mask(OTHER_NUMBER)));
		expected.put("card.billing.zip", new ValueChange(masker.mask("69001"), masker.mask("75002")));
		expected.put("metadata",
				new ValueChange(
						"{\"color\":\"red\",\"dims\":{\"w\":1.5},\"secret\":\"" + masker.mask("hunter22")
								+ "\",\"size\":42,\"tags\":[\"a\",\"b\"]}",
						"{\"color\":\"red\",\"dims\":{\"w\":1.5},\"secret\":\"" + masker.mask("swordfish")
								+ "\",\"size\":42,\"tags\":[\"a\",\"b\"]}"));
		expected.put("settings",
				new ValueChange(
						"{\"apiKey\":\"" + masker.mask("sk_live_abcdef") + "\",\"retries\":3,\"theme\":\"dark\"}",
						"{\"apiKey\":\"" + masker.mask("sk_live_zyxwvu") + "\",\"retries\":3,\"theme\":\"dark\"}"));
		assertThat(row.changes()).isEqualTo(expected);
		assertPublishedAndReadAsStored(payment);
	}

	@Test
	void changeOfExcludedValuesAloneWritesNothing() {
		Payment payment = inTransaction((em) -> persist(newPayment()));
		inTransaction((em) -> {
			Payment loaded = em.find(Payment.class, payment.getId());
			loaded.getCard().setSecurityCode("999");
			Map<String, Object> metadata = new LinkedHashMap<>(loaded.getMetadata());
			metadata.put("internal", "x-18");
			loaded.setMetadata(metadata);
			loaded.getFormerCards().get(0).setSecurityCode("000");
			return null;
		});
		assertThat(rows()).extracting(Row::action).containsExactly(Action.CREATE);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM payment WHERE security_code = '999'", Integer.class))
			.isOne();
	}

	@Test
	void elementChangeIsLoggedAsRemovedAndAddedElementsMasked() {
		Payment payment = inTransaction((em) -> persist(newPayment()));
		inTransaction((em) -> {
			Payment loaded = em.find(Payment.class, payment.getId());
			loaded.getFormerCards().get(0).setNumber(NUMBER);
			loaded.getFormerCards()
				.add(new CardDetails("Cy Doe", "6011000990139424", "321", new BillingAddress("Nice", "06000")));
			return null;
		});
		List<Row> updates = rows().subList(1, rows().size());
		assertThat(updates).extracting(Row::changes)
			.containsExactlyInAnyOrder(
					Map.of("formerCards",
							new CollectionChange(Operation.ADD,
									List.of(element("Nice", "06000", "Cy Doe", "6011000990139424"),
											formerCard("Bob Ray", NUMBER)))),
					Map.of("formerCards",
							new CollectionChange(Operation.DELETE, List.of(formerCard("Bob Ray", OTHER_NUMBER)))));
		assertPublishedAndReadAsStored(payment);
	}

	@Test
	void deleteLogsTheOldValuesMasked() {
		Payment payment = inTransaction((em) -> persist(newPayment()));
		inTransaction((em) -> {
			em.remove(em.find(Payment.class, payment.getId()));
			return null;
		});
		Row row = lastRow();
		assertThat(row.action()).isEqualTo(Action.DELETE);
		assertThat(row.changes()).containsEntry("card.number", new ValueChange(masker.mask(NUMBER), null))
			.containsEntry("card.billing.zip", new ValueChange(masker.mask("69001"), null))
			.doesNotContainKey("card.securityCode")
			.containsEntry("metadata", new ValueChange("{\"color\":\"red\",\"dims\":{\"w\":1.5},\"secret\":\""
					+ masker.mask("hunter22") + "\",\"size\":42,\"tags\":[\"a\",\"b\"]}", null));
		assertPublishedAndReadAsStored(payment);
	}

	@Test
	void changesLoggedByHandAreMaskedAndExcludedAsTheModelSays() {
		Payment payment = inTransaction((em) -> persist(newPayment()));
		Map<String, FieldChange> given = new LinkedHashMap<>();
		given.put("card.number", new ValueChange(NUMBER, OTHER_NUMBER));
		given.put("card.securityCode", new ValueChange(SECURITY_CODE, "999"));
		given.put("metadata", new ValueChange(null, "{\"secret\":\"hunter22\",\"internal\":\"x-17\"}"));
		given.put("formerCards", new CollectionChange(Operation.ADD,
				List.of("{\"holder\":\"Cy Doe\",\"number\":\"6011000990139424\",\"securityCode\":\"321\"}")));
		inTransaction((em) -> {
			this.auditLog.log(em.find(Payment.class, payment.getId()), Action.UPDATE, Changes.of(given), null);
			return null;
		});
		this.auditLog.logBulkUpdate(Payment.class, List.of(payment.getId()), Map.of("card.number",
				new ValueChange(NUMBER, null), "card.securityCode", new ValueChange("999", null)));
		List<Row> rows = rows();
		Map<String, FieldChange> expected = new LinkedHashMap<>();
		expected.put("card.number", new ValueChange(masker.mask(NUMBER), masker.mask(OTHER_NUMBER)));
		expected.put("metadata", new ValueChange(null, "{\"secret\":\"" + masker.mask("hunter22") + "\"}"));
		expected.put("formerCards", new CollectionChange(Operation.ADD, List.of("{\"holder\":\"" + masker.mask("Cy Doe")
				+ "\",\"number\":\"" + masker.mask("6011000990139424") + "\"}")));
		assertThat(rows).extracting(Row::changes)
			.containsExactly(rows.get(0).changes(), expected,
					Map.of("card.number", new ValueChange(masker.mask(NUMBER), null)));
		assertPublishedAndReadAsStored(payment);
	}

	@Test
	void noClearSecretEverReachesARowAnEventOrTheHistory() {
		long seed = 20251130L;
		Random random = new Random(seed);
		for (int round = 0; round < 12; round++) {
			this.events.clear();
			List<String> secrets = new ArrayList<>();
			Payment payment = inTransaction((em) -> persist(randomPayment(random, secrets)));
			inTransaction((em) -> {
				Payment loaded = em.find(Payment.class, payment.getId());
				Payment replacement = randomPayment(random, secrets);
				loaded.setCard(replacement.getCard());
				loaded.getFormerCards().clear();
				loaded.getFormerCards().addAll(replacement.getFormerCards());
				loaded.setMetadata(replacement.getMetadata());
				loaded.setSettings(replacement.getSettings());
				loaded.setMethod(replacement.getMethod());
				loaded.setWallet(replacement.getWallet());
				loaded.getLoyalty().getVouchers().clear();
				loaded.getLoyalty().getVouchers().addAll(replacement.getLoyalty().getVouchers());
				return null;
			});
			List<LogEntry> history = this.auditLog.history(payment);
			inTransaction((em) -> {
				em.remove(em.find(Payment.class, payment.getId()));
				return null;
			});
			List<String> stored = new ArrayList<>();
			for (Map<String, Object> row : this.jdbc.queryForList("SELECT * FROM auditlog_logentry WHERE object_pk = ?",
					payment.getId().toString())) {
				row.values().forEach((value) -> stored.add(String.valueOf(value)));
			}
			assertThat(stored).as("rows of round %d", round).isNotEmpty();
			for (PreLogEvent event : this.events.before) {
				stored.add(event.getChanges().toJson());
			}
			for (PostLogEvent event : this.events.after) {
				stored.add(event.changes().toJson());
				stored.add(json.writeValueAsString(event.entry().serializedData()));
			}
			for (LogEntry entry : history) {
				stored.add(entry.changes().toJson());
				stored.add(json.writeValueAsString(entry.serializedData()));
				stored.add(json.writeValueAsString(entry.changesDisplay()));
				stored.add(entry.changesText());
			}
			List<String> texts = decoded(stored);
			for (String secret : secrets) {
				assertThat(texts).as("seed %d, round %d: secret %s", seed, round, json.writeValueAsString(secret))
					.noneMatch((text) -> text.contains(secret));
			}
		}
	}

	private static Payment newPayment() {
		Payment payment = new Payment("P-1",
				new CardDetails("Ann Lee", NUMBER, SECURITY_CODE, new BillingAddress("Lyon", "69001")));
		payment.getCard().setExtras(Map.of("brand", "visa", "pin", "1234"));
		CardDetails former = new CardDetails("Bob Ray", OTHER_NUMBER, "4242", new BillingAddress("Paris", "75001"));
		former.setExtras(Map.of("brand", "mc", "pin", "98765"));
		payment.getFormerCards().add(former);
		payment.setLoyalty(new Loyalty("gold", List.of("VCH-AAAA-1111", "VCH-BBBB-2222")));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("color", "red");
		metadata.put("size", 42);
		metadata.put("tags", List.of("a", "b"));
		metadata.put("dims", Map.of("w", 1.5));
		metadata.put("secret", "hunter22");
		metadata.put("internal", "x-17");
		payment.setMetadata(metadata);
		payment.setSettings(new Settings("dark", "sk_live_abcdef", 3));
		payment.setMethod(new BankTransfer("bank", IBAN));
		payment.setWallet(new Wallet("Pay", WALLET_TOKEN, "2468"));
		return payment;
	}

	/**
	 * A payment whose every secret is random: strings of 6 to 40 characters, quotes,
	 * backslashes, JSON punctuation, white space, accents and emoji among them.
	 */
	private static Payment randomPayment(Random random, List<String> secrets) {
		String number = secret(random, secrets);
		String code = secret(random, secrets);
		String zip = secret(random, secrets);
		Payment payment = new Payment("P-r", new CardDetails("Ann Lee", number, code, new BillingAddress("Lyon", zip)));
		payment.getCard().setExtras(Map.of("brand", "visa", "pin", secret(random, secrets)));
		for (int i = random.nextInt(3); i >= 0; i--) {
			CardDetails former = new CardDetails(secret(random, secrets), secret(random, secrets),
					secret(random, secrets), new BillingAddress("Paris", secret(random, secrets)));
			former.setExtras(Map.of("pin", secret(random, secrets)));
			payment.getFormerCards().add(former);
		}
		payment.setLoyalty(new Loyalty("gold", List.of(secret(random, secrets), secret(random, secrets))));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("color", "red");
		metadata.put("secret", secret(random, secrets));
		metadata.put("internal", secret(random, secrets));
		payment.setMetadata(metadata);
		payment.setSettings(new Settings("dark", secret(random, secrets), random.nextInt(10)));
		payment.setMethod(new BankTransfer("bank", secret(random, secrets)));
		payment.setWallet(new Wallet("Pay", secret(random, secrets), secret(random, secrets)));
		return payment;
	}

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			+ "\"\\'{}[]:,. \t\néüß中文😀🔑*-_/";

	private static String secret(Random random, List<String> secrets) {
		int length = 6 + random.nextInt(35);
		int[] codePoints = ALPHABET.codePoints().toArray();
		StringBuilder secret = new StringBuilder();
		for (int i = 0; i < length; i++) {
			secret.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
		}
		secrets.add(secret.toString());
		return secret.toString();
	}

	/**
	 * Return every text in the given JSON and plain texts, with JSON text inside string
	 * values decoded too, so that an escaped secret is still found.
	 */
	private static List<String> decoded(List<String> texts) {
		List<String> all = new ArrayList<>();
		for (String text : texts) {
			collect(text, all);
		}
		return all;
	}

	private static void collect(String text, List<String> all) {
		all.add(text);
		JsonNode tree;
		try {
			tree = json.readTree(text);
		}
		catch (JacksonException ex) {
			return;
		}
		collect(tree, all);
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

	private static String formerCard(String holder, String number) {
		return "{\"billing\":{\"city\":\"Paris\",\"zip\":\"" + masker.mask("75001")
				+ "\"},\"extras\":{\"brand\":\"mc\",\"pin\":\"" + masker.mask("98765") + "\"},\"holder\":\""
				+ masker.mask(holder) + "\",\"number\":\"" + masker.mask(number) + "\"}";
	}

	private static String element(String city, String zip, String holder, String number) {
		return "{\"billing\":{\"city\":\"" + city + "\",\"zip\":\"" + masker.mask(zip)
				+ "\"},\"extras\":null,\"holder\":\"" + masker.mask(holder) + "\",\"number\":\"" + masker.mask(number)
				+ "\"}";
	}

	private static @Nullable Map<String, Object> serialized(Map<String, FieldChange> changes) {
		Map<String, Object> state = new LinkedHashMap<>();
		changes.forEach((field, change) -> {
			if (change instanceof ValueChange value) {
				state.put(field, value.newValue());
			}
		});
		return state;
	}

	/**
	 * Assert that the events carried, and the history reads, exactly what was stored.
	 */
	private void assertPublishedAndReadAsStored(Payment payment) {
		List<Row> rows = rows();
		assertThat(this.events.before).extracting((event) -> event.getChanges().asMap())
			.containsExactlyElementsOf(rows.stream().map(Row::changes).toList());
		assertThat(this.events.after).extracting((event) -> event.changes().asMap())
			.containsExactlyElementsOf(rows.stream().map(Row::changes).toList());
		assertThat(this.events.after).extracting((event) -> event.entry().serializedData())
			.containsExactlyElementsOf(rows.stream().map(Row::serializedData).toList());
		List<LogEntry> history = new ArrayList<>(this.auditLog.history(payment));
		assertThat(history).extracting((entry) -> entry.changes().asMap())
			.containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::changes).toList());
		assertThat(history).extracting(LogEntry::serializedData)
			.containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::serializedData).toList());
	}

	private <T> T inTransaction(Function<EntityManager, T> work) {
		return this.transaction.execute((status) -> work.apply(this.entityManager));
	}

	private <T> T persist(T entity) {
		this.entityManager.persist(entity);
		return entity;
	}

	private List<Row> rows() {
		return this.jdbc.query("SELECT action, changes, serialized_data FROM auditlog_logentry ORDER BY id",
				(rs, index) -> new Row(Action.fromValue(rs.getInt("action")),
						Changes.fromJson(rs.getString("changes")).asMap(),
						serializedData(rs.getString("serialized_data"))));
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> serializedData(@Nullable String text) {
		return (text != null) ? json.readValue(text, Map.class) : null;
	}

	private Row onlyRow() {
		List<Row> rows = rows();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private Row lastRow() {
		List<Row> rows = rows();
		assertThat(rows).isNotEmpty();
		return rows.get(rows.size() - 1);
	}

	record Row(Action action, Map<String, FieldChange> changes, @Nullable Map<String, Object> serializedData) {

	}

}
