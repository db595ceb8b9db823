package dev.auditlog.spring.adoption;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.auditlog.AuditLog;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.StoredJson;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.SoftAssertions;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Probes of issue 10's kinds ("Trust") as a new user of the starter tries them: masking
 * at every depth and on every path (events, history, manual and bulk entries,
 * {@code StatelessSession}), no entry without a change the columns keep, values that do
 * not fit (long, malformed, NUL, lone surrogates, odd addresses, additional data of any
 * shape), and the actor travelling to other threads. Each test is a promise of the
 * README, checked on PostgreSQL, MariaDB and H2 by one small subclass per database; rows
 * are read back with plain SQL.
 */
@SpringBootTest(classes = AdoptionApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.models.Vault.mask-fields=doc.items.pin,doc.deep.pin,doc.user.email,entries.pin,prefs.pin",
				"auditlog.models.Vault.serialize-fields=name,photo,owner,token,wallet,doc" })
@ExtendWith(OutputCaptureExtension.class)
abstract class AdoptionScenarios {

	static final String EMOJI = "\uD83D\uDE00";

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AdoptionApplication.Recorded recorded;

	@Autowired
	AdoptionApplication.AsyncWork asyncWork;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	Executor applicationTaskExecutor;

	@Autowired
	ThreadPoolTaskExecutorBuilder executorBuilder;

	@BeforeEach
	void clean() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			for (String table : List.of("vault_cards", "vault_secrets", "vault", "owner", "measure_labels",
					"measure_notes", "measure", "long_named", "long_keyed", "odd_lines", "odd_pages", "odd",
					"auditlog_logentry")) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
		this.recorded.before.clear();
		this.recorded.after.clear();
		AdoptionApplication.nextData = null;
		SecurityContextHolder.clearContext();
	}

	record Row(int action, String model, String objectPk, String objectRepr, String changes, String serializedData,
			String additionalData, String actor, String remoteAddr, String cid) {

		String all() {
			return String.join(" | ", String.valueOf(this.objectPk), String.valueOf(this.objectRepr),
					String.valueOf(this.changes), String.valueOf(this.serializedData),
					String.valueOf(this.additionalData));
		}

	}

	List<Row> rows(String model) {
		return this.jdbc.query(
				"SELECT action, model, object_pk, object_repr, changes, serialized_data, "
						+ "additional_data, actor, remote_addr, cid FROM auditlog_logentry WHERE model = ? ORDER BY id",
				AdoptionScenarios::row, model);
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
	}

	void tx(Consumer<EntityManager> work) {
		this.transaction.executeWithoutResult((status) -> work.accept(this.entityManager));
	}

	SessionFactory sessionFactory() {
		return this.entityManager.getEntityManagerFactory().unwrap(SessionFactory.class);
	}

	static boolean wellFormed(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c) || c == 0) {
				return false;
			}
		}
		return true;
	}

	// ------------------------------------------------------------------ masking reach

	static final List<String> CLEAR_SECRETS = List.of("4111111111111111", "tok-SECRET-123456", "12345678", "987654321",
			"111122223333", "555566667777", "bob@example.com");

	Vault newVault() {
		Vault vault = new Vault();
		vault.name = "v1";
		vault.wallet.owner = "Ann";
		vault.wallet.cards.add(new CardEl("Ann", new Secret("4111111111111111", "visa")));
		vault.token = new Token("tok-SECRET-123456");
		vault.photo = "pin=4242".getBytes(StandardCharsets.UTF_8);
		vault.secrets.put("pin", "987654321");
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("items", List.of(Map.of("pin", "111122223333", "x", 1)));
		doc.put("deep", List.of(List.of(Map.of("pin", "555566667777"))));
		doc.put("user.email", "bob@example.com");
		vault.doc = doc;
		vault.entries = List.of(Map.of("pin", "999988887777", "n", 1));
		vault.prefs = new Prefs("444433332222", "dark");
		return vault;
	}

	static String photoDigest() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest("pin=4242".getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest).substring(0, 16);
	}

	void assertNoClearSecret(String where, String text) throws Exception {
		SoftAssertions soft = new SoftAssertions();
		for (String secret : CLEAR_SECRETS) {
			soft.assertThat(text).as("%s holds %s in clear", where, secret).doesNotContain(secret);
		}
		soft.assertThat(text).as("%s holds the digest of a masked byte[]", where).doesNotContain(photoDigest());
		soft.assertAll();
	}

	@Test
	void maskedFieldsAtEveryDepthStayMaskedInRowsEventsAndHistory() throws Exception {
		tx((em) -> {
			em.persist(new Owner(12345678L, "o"));
		});
		Vault vault = newVault();
		tx((em) -> {
			vault.owner = em.find(Owner.class, 12345678L);
			em.persist(vault);
		});
		tx((em) -> {
			Vault v = em.find(Vault.class, vault.id);
			v.wallet.cards.clear();
			v.wallet.cards.add(new CardEl("Ann", new Secret("5500000000000004", "mc")));
			v.token = new Token("tok-SECRET-654321");
			v.secrets.put("pin", "123123123");
			v.photo = "pin=9999".getBytes(StandardCharsets.UTF_8);
		});
		List<Row> rows = rows("Vault");
		StringBuilder all = new StringBuilder();
		rows.forEach((r) -> all.append(r.all()).append('\n'));
		// one entry per value change and one per collection operation (as documented)
		assertThat(rows).hasSize(6);
		String events = this.recorded.before.stream().map((e) -> String.valueOf(e.getChanges())).toList() + " "
				+ this.recorded.after.stream().map(String::valueOf).toList();
		String history = this.auditLog.history(vault).stream().map(LogEntry::toString).toList().toString();
		assertNoClearSecret("rows", all.toString() + " " + events + " " + history);
		assertThat(all.toString()).doesNotContain("5500000000000004")
			.doesNotContain("tok-SECRET-654321")
			.doesNotContain("123123123");
	}

	@Test
	void statelessInsertAndUpdateOfAMaskedEntityStayMasked() throws Exception {
		tx((em) -> em.persist(new Owner(12345678L, "o")));
		Vault vault = newVault();
		sessionFactory().inStatelessTransaction((ss) -> {
			vault.owner = ss.get(Owner.class, 12345678L);
			ss.insert(vault);
		});
		sessionFactory().inStatelessTransaction((ss) -> {
			vault.name = "v2";
			ss.update(vault);
		});
		List<Row> rows = rows("Vault");
		StringBuilder all = new StringBuilder();
		rows.forEach((r) -> all.append(r.all()).append('\n'));
		assertThat(rows).hasSize(2);
		assertNoClearSecret("stateless rows", all.toString());
	}

	// ------------------------------------------------------------------ no entry without
	// a real change

	Measure baseMeasure() {
		Measure m = new Measure("m");
		m.amount = new BigDecimal("1.5");
		m.at = Instant.parse("2024-01-01T10:00:00.123456Z");
		m.local = LocalDateTime.parse("2024-01-01T10:00:00.123456");
		m.odt = OffsetDateTime.parse("2024-01-01T10:00:00.123456Z");
		m.dur = Duration.ofNanos(1_000_000_000L);
		m.ratio = 0.1;
		m.doc = new LinkedHashMap<>(Map.of("a", 1, "b", "x"));
		m.labels.addAll(Set.of("L1", "L2"));
		m.notes.add("n1");
		return m;
	}

	Long persistMeasure() {
		Measure m = baseMeasure();
		tx((em) -> em.persist(m));
		return m.id;
	}

	void assertNoUpdateAfter(String what, Consumer<Measure> change) {
		Long id = persistMeasure();
		String before = this.jdbc.queryForList("SELECT * FROM measure WHERE id = ?", id).toString();
		tx((em) -> change.accept(em.find(Measure.class, id)));
		String after = this.jdbc.queryForList("SELECT * FROM measure WHERE id = ?", id).toString();
		List<Row> updates = rows("Measure").stream().filter((r) -> r.action() == 1).toList();
		assertThat(updates).as("%s: stored row before %s, after %s; entries %s", what, before, after, updates)
			.isEmpty();
	}

	@Test
	void decimalWithAnotherScaleWithinTheColumnScaleIsNoChange() {
		assertNoUpdateAfter("1.5 -> 1.500", (m) -> m.amount = new BigDecimal("1.500"));
	}

	@Test
	void decimalBeyondTheColumnScaleRoundingToTheSameIsNoChange() {
		assertNoUpdateAfter("1.5 -> 1.50049", (m) -> m.amount = new BigDecimal("1.50049"));
	}

	@Test
	void instantWithExtraNanosIsNoChange() {
		assertNoUpdateAfter("...123456Z -> ...1234561Z", (m) -> m.at = Instant.parse("2024-01-01T10:00:00.1234561Z"));
	}

	@Test
	void localDateTimeWithExtraNanosIsNoChange() {
		assertNoUpdateAfter("local +100ns", (m) -> m.local = LocalDateTime.parse("2024-01-01T10:00:00.1234561"));
	}

	@Test
	void offsetDateTimeAtAnotherOffsetIsNoChange() {
		assertNoUpdateAfter("odt +02:00", (m) -> m.odt = OffsetDateTime.parse("2024-01-01T12:00:00.123456+02:00"));
	}

	@Test
	void durationChangeKeptByTheColumnIsLogged() {
		Long id = persistMeasure();
		String before = storedDuration(id);
		tx((em) -> em.find(Measure.class, id).dur = Duration.ofNanos(1_000_000_100L));
		String after = storedDuration(id);
		List<Row> updates = rows("Measure").stream().filter((r) -> r.action() == 1).toList();
		// the column keeps nanoseconds, so 100 ns more is a real change and is logged
		assertThat(after).as("stored duration before the change %s", before).isNotEqualTo(before);
		assertThat(updates).as("stored %s then %s", before, after).hasSize(1);
	}

	private String storedDuration(Long id) {
		return this.jdbc.queryForObject("SELECT CAST(dur AS VARCHAR(100)) FROM measure WHERE id = ?", String.class, id);
	}

	@Test
	void jsonDocumentInAnotherKeyOrderOrNumberSpellingIsNoChange() {
		assertNoUpdateAfter("doc reorder", (m) -> {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("b", "x");
			doc.put("a", new BigDecimal("1.0"));
			m.doc = doc;
		});
	}

	@Test
	void versionBumpFromAnUntrackedCollectionAloneIsNoEntry() {
		assertNoUpdateAfter("notes only", (m) -> m.notes.add("n2"));
	}

	@Test
	void setRecreatedWithEqualElementsIsNoEntry() {
		assertNoUpdateAfter("labels recreated", (m) -> m.labels = new HashSet<>(Set.of("L2", "L1")));
	}

	@Test
	void mergeOfADetachedCopyWithEqualValuesIsNoEntry() {
		Long id = persistMeasure();
		Measure copy = baseMeasure();
		copy.id = id;
		copy.version = 0L;
		copy.amount = new BigDecimal("1.50");
		copy.at = Instant.parse("2024-01-01T10:00:00.1234562Z");
		copy.doc = new LinkedHashMap<>(Map.of("b", "x", "a", 1));
		tx((em) -> em.merge(copy));
		List<Row> updates = rows("Measure").stream().filter((r) -> r.action() == 1).toList();
		assertThat(updates).isEmpty();
	}

	// ------------------------------------------------------------------ StatelessSession

	@Test
	void statelessUpdateWithATrackedCollectionAndDeleteOfADetachedInstance() {
		Long id = persistMeasure();
		Measure detached = this.transaction.execute((s) -> this.entityManager.find(Measure.class, id));
		detached.labels.add("L3");
		detached.code = "m2";
		sessionFactory().inStatelessTransaction((ss) -> ss.update(detached));
		Measure gone = new Measure("m2");
		gone.id = id;
		gone.version = detached.version;
		sessionFactory().inStatelessTransaction((ss) -> ss.delete(gone));
		List<Row> rows = rows("Measure");
		assertThat(rows).extracting(Row::action).containsExactly(0, 1, 2);
		assertThat(rows.get(1).changes()).contains("m2").contains("L3");
		assertThat(rows.get(1).additionalData()).contains("unknown");
		assertThat(rows.get(2).additionalData()).contains("entity");
	}

	// ------------------------------------------------------------------ values that do
	// not fit

	@Test
	void remoteAddressesOfEveryKindAreNormalisedOrNull() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("[2001:DB8::1]:443", "2001:db8::1");
		expected.put("[::1]", "::1");
		expected.put("::FFFF:203.0.113.9", "203.0.113.9");
		expected.put("::ffff:cb00:7109", "203.0.113.9");
		expected.put("fe80::1%eth0", "fe80::1");
		expected.put("[fe80::1%eth0]:80", "fe80::1");
		expected.put("203.0.113.9:8080", "203.0.113.9");
		expected.put("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1");
		expected.put("2001:0:0:1:0:0:0:1", "2001:0:0:1::1");
		expected.put("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1");
		expected.put("0:0:0:0:0:0:0:0", "::");
		expected.put("2001:0db8::0001", "2001:db8::1");
		expected.put("0.0.0.0", "0.0.0.0");
		expected.put("\uFF11\uFF12\uFF17.0.0.1", null);
		expected.put("\u0661\u0662\u0667.0.0.1", null);
		expected.put("0127.0.0.1", null);
		expected.put("127.1", null);
		expected.put("0x7f.0.0.1", null);
		expected.put("256.0.0.1", null);
		expected.put("1.2.3.4, 5.6.7.8", null);
		expected.put("unknown", null);
		expected.put("localhost", null);
		expected.put("2001:db8::1::1", null);
		expected.put("1:2:3:4:5:6:7:8:9", null);
		expected.put("", null);
		expected.put("2001:db8:0:0:0:0:2:1", "2001:db8::2:1");
		expected.put("0:0:0:0:0:ffff:203.0.113.9", "203.0.113.9");
		expected.put("[::ffff:203.0.113.9]:80", "203.0.113.9");
		expected.put("::FFFF:CB00:7109", "203.0.113.9");
		expected.put("1.2.3.4.5", null);
		expected.put("1.2.3.", null);
		expected.put("+1.2.3.4", null);
		expected.put("1.2.3.+4", null);
		expected.put("1.2.3.-0", null);
		expected.put("2001:db8::+1", null);
		expected.put("2001:db8::-1", null);
		expected.put("2001:db8:::1", null);
		expected.put(":1", null);
		expected.put("127.0.0.1\u0000", null);
		expected.put("a".repeat(300), null);
		int i = 0;
		Map<String, String> ids = new LinkedHashMap<>();
		for (String addr : expected.keySet()) {
			String id = "addr-" + (i++);
			ids.put(id, addr);
			try (AuditContext.Scope scope = AuditContext.withRemoteAddr(addr)) {
				tx((em) -> em.persist(new Odd(id)));
			}
		}
		SoftAssertions soft = new SoftAssertions();
		for (Row row : rows("Odd")) {
			String addr = ids.get(row.objectPk());
			soft.assertThat(row.remoteAddr()).as("remote_addr for input <%s>", addr).isEqualTo(expected.get(addr));
		}
		soft.assertAll();
	}

	@Test
	void cutValuesNeverSplitACharacter() {
		List<String> inputs = List.of("a" + EMOJI.repeat(200), EMOJI.repeat(200));
		for (int k = 0; k < inputs.size(); k++) {
			String s = inputs.get(k);
			Odd odd = new Odd((k == 0 ? "a" : "") + EMOJI.repeat(190));
			odd.repr = s;
			odd.body = ((k == 0) ? "a" : "") + EMOJI.repeat(40000);
			try (AuditContext.Scope a = AuditContext.withActor(s); AuditContext.Scope c = AuditContext.withCid(s)) {
				tx((em) -> em.persist(odd));
			}
		}
		SoftAssertions soft = new SoftAssertions();
		List<Row> rows = rows("Odd");
		soft.assertThat(rows).hasSize(2);
		for (Row row : rows) {
			for (String value : new String[] { row.actor(), row.cid(), row.objectPk(), row.objectRepr(),
					row.changes() }) {
				soft.assertThat(value).as("stored value %s", abbreviate(value)).isNotNull();
				if (value != null) {
					soft.assertThat(wellFormed(value) && !value.contains("?") && !value.contains("\uFFFD"))
						.as("well formed, no ? or U+FFFD: %s", abbreviate(value))
						.isTrue();
				}
			}
			soft.assertThat(row.actor().length()).isLessThanOrEqualTo(255);
			soft.assertThat(row.objectRepr().length()).isLessThanOrEqualTo(255);
		}
		soft.assertAll();
	}

	static String abbreviate(String value) {
		if (value == null || value.length() < 120) {
			return value;
		}
		return value.substring(0, 40) + " … " + value.substring(value.length() - 80);
	}

	@Test
	void nulAndLoneSurrogatesInReprActorAndConvertedCollectionElementsAreReplaced() {
		Odd odd = new Odd("odd-nul");
		odd.repr = "x\u0000y\uD800z";
		odd.lines.add("l\u0000ine");
		odd.lines.add("\uDC00lone");
		try (AuditContext.Scope a = AuditContext.withActor("ali\u0000ce\uD800");
				AuditContext.Scope c = AuditContext.withCid("cid\u0000\uDFFF")) {
			tx((em) -> em.persist(odd));
		}
		Row row = rows("Odd").get(0);
		assertThat(row.objectRepr()).isEqualTo("x\uFFFDy\uFFFDz");
		assertThat(row.actor()).isEqualTo("ali\uFFFDce\uFFFD");
		assertThat(row.changes()).contains("l\uFFFDine").contains("\uFFFDlone");
	}

	@Test
	void longCompositeKeysAreCutAndStillFound() {
		LongKeyed one = new LongKeyed(new LongKey("k".repeat(300), "x".repeat(299) + "1"), "one");
		LongKeyed two = new LongKeyed(new LongKey("k".repeat(300), "x".repeat(299) + "2"), "two");
		tx((em) -> {
			em.persist(one);
			em.persist(two);
		});
		List<Row> rows = rows("LongKeyed");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).objectPk()).isNotEqualTo(rows.get(1).objectPk());
		assertThat(rows).allSatisfy((r) -> assertThat(r.objectPk().length()).isLessThanOrEqualTo(255));
		assertThat(this.auditLog.history(one)).hasSize(1);
		assertThat(this.auditLog.history(two)).hasSize(1);
		assertThat(this.auditLog.query(this.auditLog.forObjects(List.of(one)).build()).entries()).hasSize(1);
	}

	@Test
	void forObjectsOfNothingIsNoEntries() {
		assertThatNoException().isThrownBy(() -> this.auditLog.query(this.auditLog.forObjects(List.of()).build()));
	}

	/**
	 * Persist an {@link Odd} whose entry carries the given additional data, and return
	 * the additional data as stored, after asserting it holds every well-formed key of
	 * the data and only well-formed text.
	 */
	String persistOddWithData(String id, Map<String, Object> data) {
		AdoptionApplication.nextData = data;
		tx((em) -> em.persist(new Odd(id)));
		List<Row> rows = rows("Odd");
		assertThat(rows).hasSize(1);
		String stored = rows.get(0).additionalData();
		assertThat(stored).as("additional data of %s", id).isNotNull();
		assertThat(wellFormed(stored)).as("well-formed text: %s", abbreviate(stored)).isTrue();
		for (String key : data.keySet()) {
			if (wellFormed(key)) {
				assertThat(stored).as("key %s in %s", key, abbreviate(stored)).contains("\"" + key + "\"");
			}
		}
		return stored;
	}

	record Point(int x, int y) {
	}

	@Test
	void additionalDataRecordOptionalBytes() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("point", new Point(1, 2));
		data.put("opt", Optional.of("x"));
		data.put("empty", Optional.empty());
		data.put("bytes", new byte[] { 1, 2, 3 });
		data.put("at", Instant.parse("2024-01-01T00:00:00Z"));
		persistOddWithData("rec", data);
	}

	@Test
	void additionalDataNaNAndInfinity() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("nan", Double.NaN);
		data.put("inf", Double.POSITIVE_INFINITY);
		data.put("finf", Float.NEGATIVE_INFINITY);
		assertThat(persistOddWithData("nan", data)).contains("NaN").contains("Infinity");
	}

	@Test
	void additionalDataWithAHugeExponentDecimalIsStoredAsText() {
		assertThat(persistOddWithData("big", Map.of("big", new BigDecimal("1E+200000")))).contains("\"1E+200000\"");
	}

	@Test
	void additionalDataWithATinyExponentDecimalIsStoredAsText() {
		assertThat(persistOddWithData("tiny", Map.of("tiny", new BigDecimal("1E-20000")))).contains("\"1E-20000\"");
	}

	@Test
	void additionalDataNulAndLoneSurrogateInKeysAndValues() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("k\u0000ey", "v\u0000al");
		data.put("\uD800", "\uDC00");
		assertThat(persistOddWithData("nulkeys", data)).contains("\uFFFD").doesNotContain("\\u0000");
	}

	static final class Node {

		Node next;

		public Node getNext() {
			return this.next;
		}

		@Override
		public String toString() {
			return "Node->" + this.next;
		}

	}

	@Test
	void additionalDataWithACyclicObjectGraphIsStored() {
		Node a = new Node();
		Node b = new Node();
		a.next = b;
		b.next = a;
		persistOddWithData("cycle", Map.of("graph", a));
	}

	static final class Throwing {

		public String getValue() {
			throw new IllegalStateException("boom");
		}

		@Override
		public String toString() {
			throw new IllegalStateException("toString boom");
		}

	}

	@Test
	void additionalDataWhoseGetterAndToStringThrow() {
		assertThat(persistOddWithData("throwing", Map.of("t", new Throwing()))).contains(Throwing.class.getName());
	}

	@Test
	void additionalDataNested40ListLevelsIsStoredCutToTheDepthEveryDatabaseAccepts() {
		Object nested = "leaf";
		for (int i = 0; i < 40; i++) {
			nested = List.of(nested);
		}
		assertThat(persistOddWithData("deep40", Map.of("deep", nested))).contains(StoredJson.TOO_DEEP);
	}

	@Test
	void additionalDataNested1500MapLevelsIsStoredCutToTheDepthEveryDatabaseAccepts() {
		Object nested = "leaf";
		for (int i = 0; i < 1500; i++) {
			nested = Map.of("n", nested);
		}
		assertThat(persistOddWithData("deep1500", Map.of("deep", nested))).contains(StoredJson.TOO_DEEP);
	}

	@Test
	void additionalDataWithManyLongValues() {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < 10; i++) {
			data.put("v" + i, "z".repeat(70000));
		}
		persistOddWithData("longvalues", data);
	}

	@Test
	void additionalDataWithAHugeListOfLongStrings() {
		List<String> list = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			list.add("w".repeat(5000));
		}
		persistOddWithData("hugelist", Map.of("list", list));
	}

	@Test
	void ipv6GroupOfFiveHexDigitsIsNoAddress() {
		try (AuditContext.Scope scope = AuditContext.withRemoteAddr("2001:db8::00001")) {
			tx((em) -> em.persist(new Odd("five-digits")));
		}
		assertThat(rows("Odd").get(0).remoteAddr()).as("2001:db8::00001 is no IPv6 address (RFC 4291: 1-4 hex digits)")
			.isNull();
	}

	@Test
	void mapValueBehindALongKeyIsMasked() {
		Vault vault = new Vault();
		vault.name = "map";
		vault.secrets.put("primary-account-number-of-the-card", "4000123412341234");
		tx((em) -> em.persist(vault));
		String changes = rows("Vault").get(0).changes();
		assertThat(changes).doesNotContain("4000123412341234").doesNotContain("123412341234");
	}

	@Test
	void maskedOneCharacterValueIsNotInClear() {
		tx((em) -> em.persist(new Owner(7L, "seven")));
		Vault vault = new Vault();
		vault.name = "short";
		vault.token = new Token("X");
		tx((em) -> {
			vault.owner = em.find(Owner.class, 7L);
			em.persist(vault);
		});
		String changes = rows("Vault").get(0).changes().replace(" ", "");
		assertThat(changes).doesNotContain("\"owner\":[null,\"7\"]").doesNotContain("\"token.code\":[null,\"X\"]");
	}

	@Test
	void deeplyNestedJsonDocumentOfAnEntity() {
		Map<String, Object> nested = new LinkedHashMap<>(Map.of("leaf", 1));
		for (int i = 0; i < 30; i++) {
			nested = new LinkedHashMap<>(Map.of("n", nested));
		}
		Measure m = new Measure("deepdoc");
		m.doc = nested;
		tx((em) -> em.persist(m));
		assertThat(rows("Measure")).hasSize(1);
	}

	@Test
	void additionalDataNested300MapLevelsIsStoredCutToTheDepthEveryDatabaseAccepts() {
		Object nested = "leaf";
		for (int i = 0; i < 300; i++) {
			nested = Map.of("n", nested);
		}
		assertThat(persistOddWithData("deep300", Map.of("deep", nested))).contains(StoredJson.TOO_DEEP);
	}

	@Test
	void instantRoundedIntoTheNextSecondIsComparedAsStored() {
		Measure m = baseMeasure();
		m.at = Instant.parse("2024-01-01T10:00:00.9999996Z");
		tx((em) -> em.persist(m));
		String before = this.jdbc.queryForObject("SELECT CAST(at AS VARCHAR(64)) FROM measure", String.class);
		tx((em) -> em.find(Measure.class, m.id).at = Instant.parse("2024-01-01T10:00:01Z"));
		String after = this.jdbc.queryForObject("SELECT CAST(at AS VARCHAR(64)) FROM measure", String.class);
		List<Row> updates = rows("Measure").stream().filter((r) -> r.action() == 1).toList();
		assertThat(updates).as("stored %s then %s; entries %s", before, after, updates)
			.hasSize(before.equals(after) ? 0 : 1);
	}

	/**
	 * A key with NUL is found again where the database stores it (H2, MariaDB).
	 * PostgreSQL refuses NUL in text itself: there the application's own insert fails
	 * with the database's error, not because of the audit log, and nothing is logged.
	 */
	@Test
	void keyWithNulIsFoundAgainWhereTheDatabaseStoresIt() {
		Odd odd = new Odd("k\u0000ey");
		if (isPostgres()) {
			Throwable refused = catchThrowable(() -> tx((em) -> em.persist(odd)));
			assertThat(refused).as("PostgreSQL refuses the application's own insert")
				.hasStackTraceContaining("0x00")
				.hasStackTraceContaining("insert into odd")
				.rootCause()
				.isInstanceOf(SQLException.class);
			StringWriter trace = new StringWriter();
			refused.printStackTrace(new PrintWriter(trace));
			assertThat(trace.toString()).as("the audit log is not the cause").doesNotContain("auditlog_logentry");
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM odd", Integer.class)).isZero();
			assertThat(rows("Odd")).isEmpty();
			return;
		}
		tx((em) -> em.persist(odd));
		assertThat(this.jdbc.queryForList("SELECT id FROM odd", String.class)).containsExactly("k\u0000ey");
		assertThat(rows("Odd")).hasSize(1);
		assertThat(this.auditLog.history(odd)).hasSize(1);
	}

	private boolean isPostgres() {
		return Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
			.equals(connection.getMetaData().getDatabaseProductName())));
	}

	@Test
	void longEntityNameIsCutToFitTheModelColumn() {
		LongNamed named = new LongNamed();
		named.id = 1L;
		named.name = "n";
		tx((em) -> em.persist(named));
		List<String> models = this.jdbc.queryForList("SELECT model FROM auditlog_logentry", String.class);
		assertThat(models).hasSize(1);
		assertThat(models.get(0).length()).isLessThanOrEqualTo(255);
		assertThat(this.auditLog.history(named)).hasSize(1);
	}

	List<Map<String, Object>> events() {
		return this.jdbc.queryForList("SELECT principal, type, remote_addr, cid, data FROM auditlog_event");
	}

	@Test
	void exportEventWithOddStringsIsRecorded() {
		this.jdbc.update("DELETE FROM auditlog_event");
		try (AuditContext.Scope a = AuditContext.withActor("b\u0000ob" + "b".repeat(300));
				AuditContext.Scope r = AuditContext.withRemoteAddr("[::1]:80")) {
			this.auditLog.logExport("t\u0000ype" + "t".repeat(300), "c\uD800sv", 1, 1,
					Map.of("k\u0000", "v\u0000", "long", "z".repeat(70000)));
		}
		List<Map<String, Object>> events = events();
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("remote_addr")).isEqualTo("::1");
		for (String column : List.of("principal", "type", "data")) {
			String value = String.valueOf(events.get(0).get(column));
			assertThat(wellFormed(value)).as("%s is well-formed text: %s", column, abbreviate(value)).isTrue();
		}
	}

	@Test
	void exportEventWithAHugeExponentFilterIsRecorded() {
		this.jdbc.update("DELETE FROM auditlog_event");
		assertThatNoException().isThrownBy(
				() -> this.auditLog.logExport("products", "csv", 1, 1, Map.of("amount", new BigDecimal("1E+200000"))));
		assertThat(events()).hasSize(1);
	}

	@Test
	void exportEventWithADeepFilterIsRecorded() {
		this.jdbc.update("DELETE FROM auditlog_event");
		Object nested = "leaf";
		for (int i = 0; i < 40; i++) {
			nested = List.of(nested);
		}
		Object filter = nested;
		assertThatNoException()
			.isThrownBy(() -> this.auditLog.logExport("products", "csv", 1, 1, Map.of("deep", filter)));
		assertThat(events()).hasSize(1);
	}

	@Test
	void manualAndBulkEntriesOfNestedMaskedFieldsAreMasked() throws Exception {
		tx((em) -> em.persist(new Owner(12345678L, "o")));
		Vault vault = newVault();
		tx((em) -> {
			vault.owner = em.find(Owner.class, 12345678L);
			em.persist(vault);
		});
		this.jdbc.update("DELETE FROM auditlog_logentry");
		Map<String, dev.auditlog.core.FieldChange> changes = new LinkedHashMap<>();
		changes.put("token.code", new dev.auditlog.core.ValueChange("tok-SECRET-123456", "tok-SECRET-123456x"));
		changes.put("wallet.cards",
				new dev.auditlog.core.CollectionChange(dev.auditlog.core.CollectionChange.Operation.ADD,
						List.of("{\"holder\":\"Ann\",\"secret\":{\"label\":\"visa\",\"pan\":\"4111111111111111\"}}")));
		changes.put("secrets", new dev.auditlog.core.CollectionChange(dev.auditlog.core.CollectionChange.Operation.ADD,
				List.of("pin=987654321")));
		changes.put("doc", new dev.auditlog.core.ValueChange(null,
				"{\"items\":[{\"pin\":\"111122223333\"}],\"user.email\":\"bob@example.com\"}"));
		changes.put("owner", new dev.auditlog.core.ValueChange(null, "12345678"));
		tx((em) -> this.auditLog.log(vault, dev.auditlog.core.Action.UPDATE, dev.auditlog.core.Changes.of(changes),
				null));
		tx((em) -> this.auditLog.logBulkUpdate(Vault.class, List.of(vault.id),
				Map.of("token.code", new dev.auditlog.core.ValueChange("tok-SECRET-123456", "x"), "owner",
						new dev.auditlog.core.ValueChange("12345678", "87654321"))));
		StringBuilder all = new StringBuilder();
		rows("Vault").forEach((r) -> all.append(r.all()).append('\n'));
		assertThat(rows("Vault")).hasSize(2);
		assertNoClearSecret("manual rows", all.toString());
	}

	@Test
	void mergeOfADetachedCopyWithARecreatedEqualSetIsNoEntry() {
		Long id = persistMeasure();
		Measure copy = this.transaction.execute((s) -> this.entityManager.find(Measure.class, id));
		copy.labels = new HashSet<>(Set.of("L1", "L2"));
		copy.amount = new BigDecimal("1.500");
		tx((em) -> em.merge(copy));
		List<Row> updates = rows("Measure").stream().filter((r) -> r.action() == 1).toList();
		assertThat(updates).isEmpty();
	}

	@Test
	void reusedWorkerThreadDoesNotKeepAPreviousActor() throws Exception {
		ThreadPoolTaskExecutor executor = this.executorBuilder.corePoolSize(1).maxPoolSize(1).build();
		executor.initialize();
		try {
			asAlice();
			executor.submit(() -> this.asyncWork.save("first")).get(20, TimeUnit.SECONDS);
			SecurityContextHolder.clearContext();
			executor.submit(() -> this.asyncWork.save("second")).get(20, TimeUnit.SECONDS);
			try (AuditContext.Scope bob = AuditContext.withActor("bob")) {
				executor.submit(() -> this.asyncWork.save("third")).get(20, TimeUnit.SECONDS);
			}
			executor.submit(() -> this.asyncWork.save("fourth")).get(20, TimeUnit.SECONDS);
			String securityOnWorker = executor
				.submit(() -> String.valueOf(SecurityContextHolder.getContext().getAuthentication()))
				.get(20, TimeUnit.SECONDS);
			assertThat(actorOf("first")).isEqualTo("alice");
			assertThat(actorOf("second")).isNull();
			assertThat(actorOf("third")).isEqualTo("bob");
			assertThat(actorOf("fourth")).isNull();
			assertThat(securityOnWorker).isEqualTo("null");
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	void reusedBootExecutorThreadDoesNotKeepAPreviousActor() throws Exception {
		for (int i = 0; i < 10; i++) {
			asAlice();
			CompletableFuture.runAsync(() -> {
			}, this.applicationTaskExecutor).get(20, TimeUnit.SECONDS);
		}
		SecurityContextHolder.clearContext();
		List<CompletableFuture<Void>> all = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String code = "anon" + i;
			all.add(CompletableFuture.runAsync(() -> this.asyncWork.save(code), this.applicationTaskExecutor));
		}
		CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
		for (int i = 0; i < 10; i++) {
			assertThat(actorOf("anon" + i)).isNull();
		}
	}

	@Test
	void additionalDataWithCyclicMapsIsStoredWithTheCycleMarked() {
		Map<String, Object> a = new java.util.HashMap<>();
		Map<String, Object> b = new java.util.HashMap<>();
		a.put("b", b);
		b.put("a", a);
		assertThat(persistOddWithData("cyclemaps", Map.of("graph", a))).contains(StoredJson.CYCLE);
	}

	@Test
	void hugeCollectionOfLongStringsCommitsWithItsEntry() {
		Odd odd = new Odd("pages");
		for (int i = 0; i < 300; i++) {
			odd.pages.add(i + "p".repeat(60000));
		}
		tx((em) -> em.persist(odd));
		assertThat(rows("Odd")).hasSize(1);
	}

	@Test
	void statelessDeleteOfAMaskedEntityStaysMasked() throws Exception {
		tx((em) -> em.persist(new Owner(12345678L, "o")));
		Vault vault = newVault();
		tx((em) -> {
			vault.owner = em.find(Owner.class, 12345678L);
			em.persist(vault);
		});
		this.jdbc.update("DELETE FROM auditlog_logentry");
		// a StatelessSession does not delete collection rows itself
		this.jdbc.update("DELETE FROM vault_cards");
		this.jdbc.update("DELETE FROM vault_secrets");
		sessionFactory().inStatelessTransaction((ss) -> ss.delete(vault));
		StringBuilder all = new StringBuilder();
		rows("Vault").forEach((r) -> all.append(r.all()).append('\n'));
		assertThat(rows("Vault")).hasSize(1);
		assertNoClearSecret("stateless delete", all.toString());
	}

	@Test
	void trackedCollectionChangeWithVersionBumpIsOneEntryWithoutTheVersion() {
		Long id = persistMeasure();
		tx((em) -> em.find(Measure.class, id).labels.add("L9"));
		List<Row> updates = rows("Measure").stream().filter((r) -> r.action() == 1).toList();
		assertThat(updates).hasSize(1);
		assertThat(updates.get(0).changes()).contains("L9");
	}

	// ------------------------------------------------------------------ who acted

	void asAlice() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null,
					AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

	String actorOf(String code) {
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> rows("Measure").stream().anyMatch((r) -> r.objectRepr().equals("Measure " + code)));
		return rows("Measure").stream()
			.filter((r) -> r.objectRepr().equals("Measure " + code))
			.findFirst()
			.orElseThrow()
			.actor();
	}

	@Test
	void completableFutureRunAsyncOnBootsExecutorKeepsTheActor() throws Exception {
		asAlice();
		CompletableFuture.runAsync(() -> this.asyncWork.save("cf"), this.applicationTaskExecutor)
			.get(20, TimeUnit.SECONDS);
		assertThat(actorOf("cf")).isEqualTo("alice");
	}

	@Test
	void asyncMethodKeepsTheActor() {
		asAlice();
		this.asyncWork.saveLater("async");
		assertThat(actorOf("async")).isEqualTo("alice");
	}

	@Test
	void asyncTransactionalEventListenerKeepsTheActor() {
		asAlice();
		this.transaction.executeWithoutResult((s) -> {
			this.entityManager.persist(new Measure("trigger"));
			this.publisher.publishEvent(new AdoptionApplication.Handover("tel"));
		});
		assertThat(actorOf("tel")).isEqualTo("alice");
	}

	@Test
	void executorBuiltWithBootsBuilderKeepsTheActor() throws Exception {
		ThreadPoolTaskExecutor executor = this.executorBuilder.build();
		executor.initialize();
		try {
			asAlice();
			executor.submit(() -> this.asyncWork.save("built")).get(20, TimeUnit.SECONDS);
			assertThat(actorOf("built")).isEqualTo("alice");
		}
		finally {
			executor.shutdown();
		}
	}

	// ------------------------------------------------------------------ rollbacks are
	// quiet

	@Test
	void flushedChangeRolledBackLogsNoWarning(CapturedOutput output) {
		int start = output.toString().length();
		this.transaction.executeWithoutResult((s) -> {
			Measure m = baseMeasure();
			this.entityManager.persist(m);
			this.entityManager.flush();
			m.code = "changed";
			this.entityManager.flush();
			s.setRollbackOnly();
		});
		try {
			this.transaction.executeWithoutResult((s) -> {
				this.entityManager.persist(baseMeasure());
				this.entityManager.flush();
				throw new IllegalStateException("business failure");
			});
		}
		catch (IllegalStateException expected) {
		}
		assertThat(rows("Measure")).isEmpty();
		assertThat(output.toString().substring(start)).doesNotContain("HHH90010101").doesNotContain(" WARN ");
	}

}
