package dev.auditlog.spring.fitting;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.auditlog.AuditLog;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.ValueChange;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.auditlog.spring.fitting.StoredForm.assertAddress;
import static dev.auditlog.spring.fitting.StoredForm.assertStored;
import static dev.auditlog.spring.fitting.StoredForm.escape;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever values an entity, an audit scope, an additional-data provider or a client's
 * headers bring, the application's write commits with exactly one entry, and every value
 * reads back as written or in the documented stored form. Run on each database by a
 * subclass; the inputs come from fixed seeds, and a failure names the seed, the try and
 * the input.
 */
@SpringBootTest(classes = FittingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"server.forward-headers-strategy=native", "auditlog.web.user-agent=true" })
abstract class ValueFittingScenarios {

	static final int TRIES = 40;

	static final int MAX_VALUE_LENGTH = 65_536;

	private static final Pattern SAFE_CID = Pattern.compile("[A-Za-z0-9\\-_.:]{1,255}");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			this.jdbc.update("DELETE FROM memo_page");
			this.jdbc.update("DELETE FROM memo");
			this.jdbc.update("UPDATE node SET partner_name = NULL");
			this.jdbc.update("DELETE FROM node");
			this.jdbc.update("DELETE FROM auditlog_logentry");
			this.jdbc.update("DELETE FROM auditlog_event");
		}
	}

	@Test
	void anyEntityValueAndAuditContextCommitsWithOneEntryInItsStoredForm() throws Exception {
		long seed = 1_130_2026L;
		RandomInputs inputs = new RandomInputs(seed);
		for (int run = 0; run < TRIES; run++) {
			String code = "t" + run + "-" + inputs.storableText(inputs.random().nextInt(590));
			String body = inputs.orNull(inputs.anyText(inputs.length()));
			String newBody = inputs.anyText(inputs.length());
			String actor = inputs.orNull(inputs.anyText(inputs.length()));
			String cid = inputs.orNull(inputs.anyText(inputs.length()));
			InetAddress address = inputs.address();
			boolean junkAddress = inputs.random().nextInt(4) == 0;
			String remoteAddr = junkAddress ? inputs.notAnAddress() : inputs.spelling(address);
			String key = inputs.anyText(inputs.random().nextInt(300));
			String value = inputs.anyText(inputs.length());
			Map<String, @Nullable Object> extra = new LinkedHashMap<>();
			extra.put(key, value);
			extra.put("nested", List.of(value, Map.of("k", value)));
			String context = "seed " + seed + ", try " + run + ": code=" + escape(code) + ", body=" + escape(body)
					+ ", actor=" + escape(actor) + ", cid=" + escape(cid) + ", remoteAddr=" + escape(remoteAddr)
					+ ", key=" + escape(key) + ", value=" + escape(value);
			FittingApplication.extraData.set(extra);
			try (AuditContext.Scope who = scope(actor, cid, remoteAddr)) {
				this.transaction.executeWithoutResult((status) -> this.entityManager.persist(new Memo(code, body)));
				this.transaction
					.executeWithoutResult((status) -> this.entityManager.find(Memo.class, code).setBody(newBody));
			}
			finally {
				FittingApplication.extraData.remove();
			}
			List<Map<String, @Nullable String>> rows = texts(
					"SELECT action, object_pk, object_repr, actor, remote_addr, cid, changes, "
							+ "serialized_data, additional_data FROM auditlog_logentry ORDER BY id");
			assertThat(rows).as(context).hasSize((newBody.equals(body)) ? 1 : 2);
			Map<String, @Nullable String> created = rows.get(0);
			assertStored("object_pk; " + context, code, text(created, "object_pk"), 255, true);
			assertStored("object_repr; " + context, String.valueOf(body), text(created, "object_repr"), 255, false);
			assertStored("actor; " + context, actor, text(created, "actor"), 255, true);
			assertStored("cid; " + context, cid, text(created, "cid"), 255, true);
			assertAddress("remote_addr; " + context, junkAddress ? null : address, text(created, "remote_addr"));
			Map<String, FieldChange> changes = Changes.fromJson(text(created, "changes")).asMap();
			if (body != null) {
				assertStored("changes.body; " + context, body, newValue(changes.get("body")), MAX_VALUE_LENGTH, true);
			}
			Map<String, Object> serialized = json.readValue(text(created, "serialized_data"), new TypeReference<>() {
			});
			assertStored("serialized_data.body; " + context, body, (String) serialized.get("body"), MAX_VALUE_LENGTH,
					true);
			assertAdditionalData(context, key, value, text(created, "additional_data"));
			if (rows.size() == 2) {
				Map<String, FieldChange> updated = Changes.fromJson(text(rows.get(1), "changes")).asMap();
				ValueChange change = (ValueChange) updated.get("body");
				assertThat(change).as("update; " + context).isNotNull();
				assertStored("update old; " + context, body, change.oldValue(), MAX_VALUE_LENGTH, true);
				assertStored("update new; " + context, newBody, change.newValue(), MAX_VALUE_LENGTH, true);
			}
			startEmpty();
		}
	}

	private void assertAdditionalData(String context, String key, String value, @Nullable String stored) {
		Map<String, Object> data = json.readValue(stored, new TypeReference<>() {
		});
		assertThat(data).as("additional_data; " + context).hasSize(2);
		String storedKey = data.keySet().stream().filter((name) -> !name.equals("nested")).findFirst().orElseThrow();
		assertStored("additional_data key; " + context, key, storedKey, Integer.MAX_VALUE, false);
		assertStored("additional_data value; " + context, value, (String) data.get(storedKey), MAX_VALUE_LENGTH, true);
		List<?> nested = (List<?>) data.get("nested");
		assertStored("additional_data nested; " + context, value, (String) nested.get(0), MAX_VALUE_LENGTH, true);
		assertStored("additional_data nested map; " + context, value, (String) ((Map<?, ?>) nested.get(1)).get("k"),
				MAX_VALUE_LENGTH, true);
	}

	@Test
	void anyRequestHeadersLetTheWriteCommitWithTheirStoredForm() throws Exception {
		long seed = 30_11_2026L;
		RandomInputs inputs = new RandomInputs(seed);
		for (int run = 0; run < TRIES; run++) {
			InetAddress address = publicAddress(inputs);
			int kind = inputs.random().nextInt(4);
			String forwardedFor = switch (kind) {
				case 0 -> inputs.notAnAddress();
				case 1 -> inputs.headerText(Math.min(1000, inputs.length()));
				default -> inputs.spelling(address);
			};
			String cid = inputs.headerText(1 + inputs.random().nextInt(300));
			// Tomcat refuses request headers over 8 KiB in all with 400 before any
			// application code
			String userAgent = inputs.headerText(Math.min(1000, inputs.length()));
			// Tomcat refuses request headers over 8 KiB with 400 before any application
			// code
			String user = inputs.orNull(inputs.anyText(Math.min(1000, inputs.length())));
			String code = "h" + run;
			String context = "seed " + seed + ", try " + run + ": X-Forwarded-For=" + escape(forwardedFor) + ", cid="
					+ escape(cid) + ", User-Agent=" + escape(userAgent) + ", user=" + escape(user);
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/memos?code="
						+ URLEncoder.encode(code, StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.noBody())
				.header("X-Forwarded-For", forwardedFor)
				.header("X-Correlation-ID", cid)
				.header("User-Agent", userAgent);
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (user != null) {
				assertThat(response.statusCode()).as(context).isEqualTo(401);
				List<Map<String, @Nullable String>> events = texts(
						"SELECT principal, remote_addr, cid FROM auditlog_event WHERE type LIKE "
								+ "'AUTHENTICATION_FAILURE%'");
				assertThat(events).as("failure event; " + context).hasSize(1);
				// what the server decodes: unpaired surrogates do not survive UTF-8, and
				// the
				// user name ends at the first colon
				String decodedUser = new String(user.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
				int colon = decodedUser.indexOf(':');
				String name = (colon >= 0) ? decodedUser.substring(0, colon) : decodedUser;
				// a blank name names no one
				assertStored("principal; " + context, name.isBlank() ? "anonymous" : name,
						text(events.get(0), "principal"), 255, true);
				assertStoredAddress(context, kind, address, text(events.get(0), "remote_addr"));
			}
			else {
				assertThat(response.statusCode()).as(context).isEqualTo(200);
				List<Map<String, @Nullable String>> rows = texts(
						"SELECT remote_addr, cid, additional_data FROM auditlog_logentry");
				assertThat(rows).as(context).hasSize(1);
				assertStoredAddress(context, kind, address, text(rows.get(0), "remote_addr"));
				String storedCid = text(rows.get(0), "cid");
				if (SAFE_CID.matcher(cid).matches()) {
					assertThat(storedCid).as("cid; " + context).isEqualTo(cid);
				}
				else {
					assertThat(UUID.fromString(storedCid)).as("generated cid; " + context).isNotNull();
				}
				Map<String, Object> data = json.readValue(text(rows.get(0), "additional_data"), new TypeReference<>() {
				});
				String agent = userAgent.strip();
				assertThat((String) data.get("userAgent")).as("userAgent; " + context)
					.isEqualTo(agent.substring(0, Math.min(255, agent.length())));
			}
			startEmpty();
		}
	}

	@Test
	void failedRequestOfAnyClientAddressIsRecorded() throws Exception {
		String forwardedFor = "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:51234";
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/fail"))
				.header("X-Forwarded-For", forwardedFor)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		// the error page's dispatch records an event of its own, outside the request's
		// context
		assertThat(this.jdbc.queryForList("SELECT remote_addr FROM auditlog_event WHERE type = 'REQUEST_ERROR'",
				String.class))
			.contains("2001:db8:85a3::8a2e:370:7334");
	}

	@Test
	void bracketedIpv6WithPortFromTheIssueIsNormalised() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/memos?code=ipv6"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.header("X-Forwarded-For", "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:51234")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT remote_addr FROM auditlog_logentry", String.class))
			.isEqualTo("2001:db8:85a3::8a2e:370:7334");
	}

	@Test
	void nulInAConvertedAttributeIsStoredAsTheReplacementCharacter() {
		this.transaction
			.executeWithoutResult((status) -> this.entityManager.persist(new Memo("nul", "line1\u0000line2")));
		String changes = this.jdbc.queryForObject("SELECT changes FROM auditlog_logentry", String.class);
		assertThat(((ValueChange) Changes.fromJson(changes).get("body")).newValue()).isEqualTo("line1\uFFFDline2");
		assertThat(this.jdbc.queryForObject("SELECT object_repr FROM auditlog_logentry", String.class))
			.isEqualTo("line1\uFFFDline2");
	}

	@Test
	void tenMegabyteTextIsCutWithItsLengthAndDigest() {
		String notes = "n".repeat(10 * 1024 * 1024);
		this.transaction.executeWithoutResult((status) -> {
			Memo memo = new Memo("big", "small");
			memo.setNotes(notes);
			this.entityManager.persist(memo);
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM memo", Integer.class)).isOne();
		String changes = this.jdbc.queryForObject("SELECT changes FROM auditlog_logentry", String.class);
		String logged = ((ValueChange) Changes.fromJson(changes).get("notes")).newValue();
		assertStored("notes", notes, logged, MAX_VALUE_LENGTH, true);
		assertThat(logged).hasSize(MAX_VALUE_LENGTH).endsWith("chars, sha256 " + sha256Start(notes) + "]");
	}

	@Test
	void manyLargeEntriesOfOneTransactionAreWrittenInStatementsThatFit() {
		String large = "x".repeat(60_000);
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < 120; i++) {
				Memo memo = new Memo("m" + i, large + i);
				memo.setNotes(large);
				this.entityManager.persist(memo);
			}
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM auditlog_logentry", Integer.class)).isEqualTo(120);
	}

	@Test
	void additionalDataOfAnyShapeNeverFailsTheWrite() {
		Map<String, @Nullable Object> data = oddShapes();
		FittingApplication.extraData.set(data);
		try {
			this.transaction.executeWithoutResult((status) -> this.entityManager.persist(new Memo("odd", "x")));
		}
		finally {
			FittingApplication.extraData.remove();
		}
		List<Map<String, @Nullable String>> rows = texts("SELECT additional_data FROM auditlog_logentry");
		assertThat(rows).hasSize(1);
		assertOddShapesStored(text(rows.get(0), "additional_data"));
	}

	@Test
	void exportWithFiltersOfAnyShapeIsRecorded() {
		this.auditLog.logExport("memos", "csv", 3, 120, oddShapes());
		List<Map<String, @Nullable String>> rows = texts("SELECT data FROM auditlog_event WHERE type = 'DATA_EXPORT'");
		assertThat(rows).hasSize(1);
		Map<String, Object> data = json.readValue(text(rows.get(0), "data"), new TypeReference<>() {
		});
		assertOddShapesStored(json.writeValueAsString(data.get("filters")));
	}

	/**
	 * Data of every shape a JSON column refuses or that breaks a naive conversion:
	 * cycles, deep nesting (MariaDB refuses more than 32 levels), numbers PostgreSQL's
	 * jsonb refuses, objects whose conversion and toString() fail.
	 */
	private static Map<String, @Nullable Object> oddShapes() {
		Map<String, Object> a = new java.util.HashMap<>();
		Map<String, Object> b = new java.util.HashMap<>();
		a.put("b", b);
		b.put("a", a);
		List<Object> selfList = new ArrayList<>();
		selfList.add(selfList);
		Map<String, Object> deep = new LinkedHashMap<>();
		Map<String, Object> level = deep;
		for (int i = 0; i < 1500; i++) {
			Map<String, Object> next = new LinkedHashMap<>();
			level.put("n", next);
			level = next;
		}
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("cycle", a);
		data.put("selfList", selfList);
		data.put("deep", deep);
		data.put("huge", new java.math.BigDecimal("1E+200000"));
		data.put("tiny", new java.math.BigDecimal("1E-20000"));
		data.put("big", java.math.BigInteger.TEN.pow(5000));
		data.put("nan", Double.NaN);
		data.put("bytes", new byte[] { 1, 2, 3 });
		data.put("broken", new Broken());
		data.put("plain", 42);
		return data;
	}

	private static void assertOddShapesStored(@Nullable String stored) {
		Map<String, Object> data = json.readValue(stored, new TypeReference<>() {
		});
		assertThat(json.writeValueAsString(data.get("cycle"))).contains("(cycle)");
		assertThat(json.writeValueAsString(data.get("selfList"))).contains("(cycle)");
		assertThat(json.writeValueAsString(data.get("deep"))).contains("(nested too deep)");
		assertThat(data.get("huge")).isEqualTo("1E+200000");
		assertThat(data.get("tiny")).isEqualTo("1E-20000");
		assertThat(data.get("big")).isInstanceOf(String.class);
		assertThat(data.get("nan")).isEqualTo("NaN");
		assertThat(data.get("bytes")).isEqualTo("(binary: 3 bytes)");
		assertThat(data.get("broken")).isEqualTo(Broken.class.getName());
		assertThat(data.get("plain")).isEqualTo(42);
	}

	@Test
	void oneEntryOfHundredsOfLongTextsFitsOneStatement() {
		this.transaction.executeWithoutResult((status) -> {
			Memo memo = new Memo("pages", "x");
			for (int i = 0; i < 300; i++) {
				memo.getPages().add(i + "p".repeat(60_000));
			}
			this.entityManager.persist(memo);
		});
		List<Map<String, @Nullable String>> rows = texts("SELECT changes FROM auditlog_logentry");
		assertThat(rows).hasSize(1);
		Changes changes = Changes.fromJson(text(rows.get(0), "changes"));
		List<String> pages = ((dev.auditlog.core.CollectionChange) changes.get("pages")).objects();
		assertThat(pages).hasSize(300).allSatisfy((page) -> assertThat(page).contains("…[cut: 600"));
		assertThat(text(rows.get(0), "changes").length()).isLessThan(1_100_000);
	}

	@Test
	void entitiesWhoseToStringRecursesWithoutEndAreLogged() {
		this.transaction.executeWithoutResult((status) -> {
			Node first = new Node("a");
			Node second = new Node("b");
			first.setPartner(second);
			second.setPartner(first);
			this.entityManager.persist(first);
			this.entityManager.persist(second);
		});
		List<Map<String, @Nullable String>> rows = texts(
				"SELECT object_pk, object_repr, changes FROM auditlog_logentry");
		assertThat(rows).hasSize(2).allSatisfy((row) -> {
			assertThat(text(row, "object_repr")).startsWith("Node").contains(text(row, "object_pk"));
			assertThat(Changes.fromJson(text(row, "changes")).get("partner")).isNotNull();
		});
	}

	/**
	 * A value whose JSON conversion and {@code toString()} both fail.
	 */
	static final class Broken {

		public String getValue() {
			throw new IllegalStateException("no value");
		}

		@Override
		public String toString() {
			throw new IllegalStateException("no text");
		}

	}

	private static void assertStoredAddress(String context, int kind, InetAddress address, @Nullable String stored)
			throws Exception {
		if (kind >= 2) {
			assertAddress("remote_addr; " + context, address, stored);
		}
		else if (stored != null) {
			// junk: what Tomcat takes from it is no address, or one in its one spelling
			InetAddress parsed = InetAddress.getByName(stored.contains(":") ? "[" + stored + "]" : stored);
			assertAddress("remote_addr; " + context, parsed, stored);
		}
	}

	private static InetAddress publicAddress(RandomInputs inputs) {
		while (true) {
			InetAddress address = inputs.address();
			byte[] bytes = address.getAddress();
			boolean internal = address.isLoopbackAddress() || address.isSiteLocalAddress()
					|| address.isLinkLocalAddress() || address.isAnyLocalAddress()
					|| (bytes.length == 4
							&& ((bytes[0] & 0xff) == 100 || (bytes[0] & 0xff) == 172 || (bytes[0] & 0xff) == 0))
					|| (bytes.length == 16 && ((bytes[0] & 0xfe) == 0xfc || (bytes[0] & 0xff) == 0));
			if (!internal) {
				return address;
			}
		}
	}

	private static AuditContext.Scope scope(@Nullable String actor, @Nullable String cid, String remoteAddr) {
		List<AuditContext.Scope> scopes = new ArrayList<>();
		if (actor != null) {
			scopes.add(AuditContext.withActor(actor));
		}
		if (cid != null) {
			scopes.add(AuditContext.withCid(cid));
		}
		scopes.add(AuditContext.withRemoteAddr(remoteAddr));
		return () -> {
			for (int i = scopes.size() - 1; i >= 0; i--) {
				scopes.get(i).close();
			}
		};
	}

	private static @Nullable String newValue(@Nullable FieldChange change) {
		return (change instanceof ValueChange value) ? value.newValue() : null;
	}

	/** Rows as the columns' text, JSON columns included, with lower-case names. */
	private List<Map<String, @Nullable String>> texts(String sql) {
		return this.jdbc.query(sql, (rs, rowNum) -> {
			Map<String, @Nullable String> row = new LinkedHashMap<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
			}
			return row;
		});
	}

	private static @Nullable String text(Map<String, @Nullable String> row, String column) {
		return row.get(column);
	}

	private static String sha256Start(String text) throws IllegalStateException {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
