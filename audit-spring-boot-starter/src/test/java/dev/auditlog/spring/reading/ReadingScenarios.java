package dev.auditlog.spring.reading;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.spring.query.LogEntryRows;
import dev.auditlog.spring.query.LogEntryRows.Row;
import dev.auditlog.spring.reading.EndpointClient.Response;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.auditlog.spring.query.LogEntryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the audit log through {@code /actuator/auditlog} end to end, on a real server
 * behind Spring Security: the JSON of the contract, keyset pages, filters, the summary,
 * flushing, bad input and the role the endpoint needs. A subclass per database supplies
 * it.
 */
@SpringBootTest(classes = ReadingApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=auditlog",
				"management.endpoint.auditlog.access=unrestricted", "auditlog.retention.batch-size=5" })
abstract class ReadingScenarios {

	static final Set<String> ENTRY_FIELDS = Set.of("id", "timestamp", "action", "model", "objectPk", "objectId",
			"objectRepr", "actor", "remoteAddr", "cid", "changes", "changesDisplay", "changesText", "additionalData",
			"serializedData", "tenant");

	@LocalServerPort
	int port;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	DataSource dataSource;

	LogEntryRows rows;

	EndpointClient client;

	@BeforeEach
	void startEmpty() {
		this.client = EndpointClient.admin(this.port);
		this.rows = new LogEntryRows(this.dataSource);
		new JdbcTemplate(this.dataSource).update("DELETE FROM book");
		this.rows.deleteAll();
	}

	@Test
	void pagesOfTwoFollowTheCursorWithoutDuplicateOrGap() {
		for (String title : List.of("Dune", "Emma", "Ulysses")) {
			persist(new Book(title, new BigDecimal("9.90"), "code-" + title));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Row> sameSeconds = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			sameSeconds.add(row(now.minusSeconds(60 + i % 3), "Book", "raw-" + i));
		}
		Collections.shuffle(sameSeconds, new Random(3));
		this.rows.insert(sameSeconds);
		this.rows.insert(row(now, "Author", "1"));
		List<Long> expected = this.rows.idsNewestFirst("model = 'Book'");
		assertThat(expected).hasSize(12);

		JsonNode first = json(get("/actuator/auditlog?model=Book&size=2"));
		assertThat(first.get("entries")).hasSize(2);
		assertThat(first.get("next").isIntegralNumber()).isTrue();
		List<Long> seen = new ArrayList<>();
		JsonNode page = first;
		while (true) {
			page.get("entries").forEach((entry) -> seen.add(entry.get("id").asLong()));
			if (page.get("next").isNull()) {
				break;
			}
			assertThat(seen).hasSizeLessThan(expected.size());
			page = json(get("/actuator/auditlog?model=Book&size=2&before=" + page.get("next").asLong()));
		}
		assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	@Test
	void entriesHaveTheFieldsOfTheContract() {
		Book book = persist(new Book("Dune", new BigDecimal("12.50"), "secret12"));
		JsonNode page = json(get("/actuator/auditlog?model=Book"));
		assertThat(page.propertyNames()).containsExactlyInAnyOrder("entries", "next");
		assertThat(page.get("next").isNull()).isTrue();
		JsonNode entry = page.get("entries").get(0);
		assertThat(entry.propertyNames()).containsExactlyInAnyOrderElementsOf(ENTRY_FIELDS);
		assertThat(entry.get("timestamp").asString()).endsWith("Z");
		assertThat(Instant.parse(entry.get("timestamp").asString())).isCloseTo(Instant.now(),
				org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
		assertThat(entry.get("action").asString()).isEqualTo("CREATE");
		assertThat(entry.get("model").asString()).isEqualTo("Book");
		assertThat(entry.get("objectPk").asString()).isEqualTo(book.getId().toString());
		assertThat(entry.get("objectId").asLong()).isEqualTo(book.getId());
		assertThat(entry.get("objectRepr").asString()).isEqualTo("Book Dune");
		assertThat(entry.get("changes").get("title")).hasSize(2);
		assertThat(entry.get("changes").get("title").get(0).isNull()).isTrue();
		assertThat(entry.get("changes").get("title").get(1).asString()).isEqualTo("Dune");
		assertThat(entry.get("changesDisplay").get("Price").get(1).asString()).isEqualTo("12.50");
		assertThat(entry.get("changesText").asString()).contains("title: null → Dune");
		assertThat(entry.get("additionalData").isNull() || entry.get("additionalData").isObject()).isTrue();
		assertThat(entry.get("serializedData").isNull()).isTrue();

		JsonNode one = json(get("/actuator/auditlog/" + entry.get("id").asLong()));
		assertThat(one).isEqualTo(entry);
	}

	@Test
	void jsonColumnsComeBackAsJsonWithTheirNulls() {
		this.rows.insert(row(Instant.now(), "Book", "{\"line\":\"2\",\"orderId\":\"7\"}").actor("alice")
			.remoteAddr("2001:db8::1")
			.cid("c-1")
			.additionalData("{\"tenant\": \"acme\", \"note\": null}")
			.serializedData("{\"title\": \"Dune\", \"pages\": 412}")
			.changes("{\"tags\": {\"type\": \"m2m\", \"operation\": \"add\", \"objects\": [\"sf\"]}}"));
		JsonNode entry = json(get("/actuator/auditlog")).get("entries").get(0);
		assertThat(entry.get("objectPk").asString()).isEqualTo("{\"line\":\"2\",\"orderId\":\"7\"}");
		assertThat(entry.get("objectId").isNull()).isTrue();
		assertThat(entry.get("actor").asString()).isEqualTo("alice");
		assertThat(entry.get("remoteAddr").asString()).isEqualTo("2001:db8::1");
		assertThat(entry.get("cid").asString()).isEqualTo("c-1");
		assertThat(entry.get("additionalData").get("tenant").asString()).isEqualTo("acme");
		assertThat(entry.get("additionalData").has("note")).isTrue();
		assertThat(entry.get("serializedData").get("pages").asInt()).isEqualTo(412);
		assertThat(entry.get("changes").get("tags").get("operation").asString()).isEqualTo("add");
		assertThat(entry.get("changesText").asString()).isEqualTo("tags: add sf");
	}

	@Test
	void maskedValuesStayMaskedInEveryResponse() {
		Book book = persist(new Book("Dune", new BigDecimal("12.50"), "secret12"));
		this.transaction.executeWithoutResult((status) -> {
			Book loaded = this.entityManager.find(Book.class, book.getId());
			loaded.setTitle("Dune Messiah");
		});
		List<String> bodies = new ArrayList<>();
		bodies.add(get("/actuator/auditlog?model=Book").body());
		JsonNode page = json(get("/actuator/auditlog?model=Book&objectPk=" + book.getId()));
		page.get("entries").forEach((entry) -> bodies.add(get("/actuator/auditlog/" + entry.get("id")).body()));
		assertThat(bodies).hasSize(3).allSatisfy((body) -> assertThat(body).doesNotContain("secret12"));
		assertThat(bodies.get(0)).contains("****et12");
	}

	@Test
	void filtersByEveryParameter() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.rows.insert(row(now.minus(3, ChronoUnit.DAYS), "Book", "1").actor("alice").action(Action.CREATE),
				row(now.minus(2, ChronoUnit.DAYS), "Book", "1").actor("bob").action(Action.UPDATE).cid("c-7"),
				row(now.minus(1, ChronoUnit.DAYS), "Book", "2").actor("alice").action(Action.DELETE).cid("c-7"),
				row(now, "Author", "1").action(Action.ACCESS));
		assertThat(keys("model=Book")).containsExactly("Book 2", "Book 1", "Book 1");
		assertThat(keys("model=Book&objectPk=2")).containsExactly("Book 2");
		assertThat(keys("actor=alice")).containsExactly("Book 2", "Book 1");
		assertThat(keys("action=CREATE&action=ACCESS")).containsExactly("Author 1", "Book 1");
		assertThat(keys("action=delete,access")).containsExactly("Author 1", "Book 2");
		assertThat(keys("action=1")).containsExactly("Book 1");
		assertThat(keys("cid=c-7")).containsExactly("Book 2", "Book 1");
		assertThat(keys("from=" + now.minus(2, ChronoUnit.DAYS) + "&to=" + now)).containsExactly("Book 2", "Book 1");
		String tomorrow = now.plus(1, ChronoUnit.DAYS).toString().substring(0, 10);
		assertThat(keys("to=" + tomorrow + "&actor=bob")).containsExactly("Book 1");
		assertThat(keys("model=Book&size=1")).containsExactly("Book 2");
		assertThat(keys("model=&actor=")).hasSize(4);
	}

	@Test
	void summaryCountsByActionModelAndActor() {
		Instant now = Instant.now();
		this.rows.insert(row(now.minus(40, ChronoUnit.DAYS), "Book", "1").actor("alice"),
				row(now.minus(3, ChronoUnit.DAYS), "Book", "1").actor("alice").action(Action.CREATE),
				row(now.minus(2, ChronoUnit.DAYS), "Book", "2").actor("alice").action(Action.UPDATE),
				row(now.minus(1, ChronoUnit.DAYS), "Author", "1").action(Action.UPDATE));
		JsonNode summary = json(get("/actuator/auditlog/summary"));
		assertThat(summary.get("days").asInt()).isEqualTo(30);
		assertThat(summary.get("total").asLong()).isEqualTo(3);
		assertThat(summary.get("actions").get("CREATE").asLong()).isEqualTo(1);
		assertThat(summary.get("actions").get("UPDATE").asLong()).isEqualTo(2);
		assertThat(summary.get("actions").get("ACCESS").asLong()).isZero();
		assertThat(summary.get("models").get("Book").asLong()).isEqualTo(2);
		assertThat(summary.get("models").get("Author").asLong()).isEqualTo(1);
		assertThat(summary.get("actors").get("alice").asLong()).isEqualTo(2);
		assertThat(summary.get("withoutActor").asLong()).isEqualTo(1);
		JsonNode ofAlice = json(get("/actuator/auditlog/summary?days=60&actor=alice"));
		assertThat(ofAlice.get("total").asLong()).isEqualTo(3);
		assertThat(ofAlice.get("withoutActor").asLong()).isZero();
	}

	@Test
	void deleteFlushesOlderEntriesAndAnswersTheCount() {
		List<Row> old = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			old.add(row(Instant.parse("2020-06-01T00:00:00Z").plusSeconds(i), "Book", "old-" + i));
		}
		this.rows.insert(old);
		this.rows.insert(row(Instant.parse("2021-01-01T00:00:00Z"), "Book", "kept"), row(Instant.now(), "Book", "new"));
		Response response = this.client.delete("/actuator/auditlog?before=2021-01-01");
		assertThat(response.status()).isEqualTo(200);
		assertThat(json(response).get("deleted").asLong()).isEqualTo(12);
		assertThat(this.rows.count()).isEqualTo(2);
		assertThat(json(this.client.delete("/actuator/auditlog?before=2021-01-01")).get("deleted").asLong()).isZero();
	}

	@Test
	void unknownIdIsNotFound() {
		Response response = get("/actuator/auditlog/987654321");
		assertThat(response.status()).isEqualTo(404);
		assertThat(json(response).get("message").asString()).contains("987654321");
	}

	@Test
	void theLargestIdIsAnIdNotABadRequest() {
		Response response = get("/actuator/auditlog/" + Long.MAX_VALUE);
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(get("/actuator/auditlog?before=" + Long.MAX_VALUE).status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1} names {2}")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /actuator/auditlog?size=0                             | size
			GET    | /actuator/auditlog?size=501                           | size
			GET    | /actuator/auditlog?size=ten                           | size
			GET    | /actuator/auditlog?size=99999999999999999999          | size
			GET    | /actuator/auditlog?size=1&size=2                      | size
			GET    | /actuator/auditlog?action=PUBLISH                     | action
			GET    | /actuator/auditlog?action=7                           | action
			GET    | /actuator/auditlog?action=CREATE&action=nope          | action
			GET    | /actuator/auditlog?action=%20                         | action
			GET    | /actuator/auditlog?action=%00                         | action
			GET    | /actuator/auditlog?action=%01                         | action
			GET    | /actuator/auditlog?action=create%00                   | action
			GET    | /actuator/auditlog?action=%00,delete                  | action
			GET    | /actuator/auditlog?action=create&action=%09           | action
			GET    | /actuator/auditlog?before=9223372036854775808         | before
			GET    | /actuator/auditlog?from=2025-13-01                    | from
			GET    | /actuator/auditlog?from=2025-01-01T10:00:00           | from
			GET    | /actuator/auditlog?to=yesterday                       | to
			GET    | /actuator/auditlog?from=2025-02-01&to=2025-01-01      | from
			GET    | /actuator/auditlog?before=abc                         | before
			GET    | /actuator/auditlog?before=-5                          | before
			GET    | /actuator/auditlog?before=0                           | before
			GET    | /actuator/auditlog?before=1.5                         | before
			GET    | /actuator/auditlog?objectPk=1                         | objectPk
			GET    | /actuator/auditlog?model=%20%20                       | model
			GET    | /actuator/auditlog?actor=%09                          | actor
			GET    | /actuator/auditlog?actor=%00                          | actor
			GET    | /actuator/auditlog?actor=a%00b                        | actor
			GET    | /actuator/auditlog?cid=x%01y                          | cid
			GET    | /actuator/auditlog?model=Book%7F                      | model
			GET    | /actuator/auditlog?tenant=%20                         | tenant
			GET    | /actuator/auditlog?tenant=acme%00                     | tenant
			GET    | /actuator/auditlog?tenant=a%0Ab                       | tenant
			GET    | /actuator/auditlog/summary?actor=%00                  | actor
			GET    | /actuator/auditlog/abc                                | id
			GET    | /actuator/auditlog/-1                                 | id
			GET    | /actuator/auditlog/0                                  | id
			GET    | /actuator/auditlog/12345678901234567890               | id
			GET    | /actuator/auditlog/summary?days=-3                    | days
			GET    | /actuator/auditlog/summary?days=0                     | days
			GET    | /actuator/auditlog/summary?days=x                     | days
			GET    | /actuator/auditlog/summary?days=36501                 | days
			DELETE | /actuator/auditlog?before=tomorrow                    | before
			DELETE | /actuator/auditlog                                    | before
			""")
	void badInputAnswersBadRequestNamingTheParameter(String method, String path, String parameter) {
		Response response = this.client.send(method, path);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode error = json(response);
		assertThat(error.get("parameter").asString()).isEqualTo(parameter);
		assertThat(error.get("message").asString()).contains(parameter);
		assertThat(error.get("status").asInt()).isEqualTo(400);
	}

	@Test
	void fuzzedParametersNeverCauseAServerError() {
		this.rows.insert(row(Instant.now(), "Book", "1"), row(Instant.now(), "Book", "2"));
		Random random = new Random(20260310);
		List<String> names = List.of("model", "objectPk", "actor", "action", "cid", "from", "to", "before", "size",
				"days", "id", "tenant", "unknown");
		Set<Integer> statuses = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			String path = switch (random.nextInt(4)) {
				case 0 -> "/actuator/auditlog/summary";
				case 1 -> "/actuator/auditlog/" + encode(fuzzValue(random));
				default -> "/actuator/auditlog";
			};
			StringJoiner query = new StringJoiner("&", "?", "");
			int parameters = random.nextInt(5);
			for (int p = 0; p < parameters; p++) {
				query.add(names.get(random.nextInt(names.size())) + "=" + encode(fuzzValue(random)));
			}
			String method = (random.nextInt(10) == 0) ? "DELETE" : "GET";
			String uri = path + ((parameters > 0) ? query : "");
			Response response = this.client.send(method, uri);
			int status = response.status();
			statuses.add(status);
			assertThat(status).as("%s %s answered %s", method, uri, response.body()).isBetween(200, 499);
		}
		assertThat(statuses).contains(200, 400, 404);
	}

	@Test
	void anonymousRequestsAreAskedToAuthenticate() {
		EndpointClient anonymous = this.client.as(null, null);
		assertThat(anonymous.get("/actuator/auditlog").status()).isEqualTo(401);
		assertThat(anonymous.delete("/actuator/auditlog?before=2021-01-01").status()).isEqualTo(401);
	}

	@Test
	void usersWithoutTheAdminRoleAreForbidden() {
		this.rows.insert(row(Instant.parse("2020-01-01T00:00:00Z"), "Book", "1"));
		EndpointClient user = this.client.as(ReadingApplication.USER, ReadingApplication.USER_PASSWORD);
		assertThat(user.get("/actuator/auditlog").status()).isEqualTo(403);
		assertThat(user.delete("/actuator/auditlog?before=2021-01-01").status()).isEqualTo(403);
		assertThat(this.rows.count()).isEqualTo(1);
	}

	@Test
	void adminsAreServed() {
		assertThat(get("/actuator/auditlog").status()).isEqualTo(200);
		assertThat(get("/actuator/auditlog/summary").status()).isEqualTo(200);
	}

	private List<String> keys(String query) {
		List<String> keys = new ArrayList<>();
		json(get("/actuator/auditlog?" + query)).get("entries")
			.forEach((entry) -> keys.add(entry.get("model").asString() + " " + entry.get("objectPk").asString()));
		return keys;
	}

	private <T> T persist(T entity) {
		return this.transaction.execute((status) -> {
			this.entityManager.persist(entity);
			return entity;
		});
	}

	Response get(String pathAndQuery) {
		Response response = this.client.get(pathAndQuery);
		assertThat(response.status()).as("GET %s: %s", pathAndQuery, response.body()).isIn(200, 404);
		return response;
	}

	static JsonNode json(Response response) {
		return response.json();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Return a value that a user, a script or an attacker might send: numbers of every
	 * size and sign, dates good and bad, lists, blanks, markup, quotes, control and
	 * non-Latin characters, and long strings.
	 */
	private static String fuzzValue(Random random) {
		return switch (random.nextInt(14)) {
			case 0 -> Long.toString(random.nextLong());
			case 1 -> Integer.toString(random.nextInt(1000) - 10);
			case 2 -> "9".repeat(1 + random.nextInt(40));
			case 3 -> Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L).toString();
			case 4 -> (1 + random.nextInt(12000)) + "-" + random.nextInt(15) + "-" + random.nextInt(40);
			case 5 -> List.of("CREATE", "update", "Delete", "ACCESS", "3", "4", "-1", "CREATE,DELETE", ",,")
				.get(random.nextInt(9));
			case 6 -> "";
			case 7 -> " ".repeat(1 + random.nextInt(3));
			case 8 -> "summary";
			case 9 -> "x".repeat(random.nextInt(3000));
			case 10 -> "<script>alert(1)</script>' OR 1=1 --\"";
			case 11 -> "Ünïcödé ✓ 日本 \uD83D\uDE00";
			case 12 -> "{\"line\":\"2\",\"orderId\":\"7\"}";
			default -> {
				StringBuilder chars = new StringBuilder();
				int length = random.nextInt(20);
				for (int c = 0; c < length; c++) {
					chars.append((char) random.nextInt(0x2FF));
				}
				yield chars.toString();
			}
		};
	}

}
