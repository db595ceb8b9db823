package dev.auditlog.spring.monitoring;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Suspicious-request monitoring and login-burst detection over real HTTP requests to a
 * running server, with the events read back from {@code auditlog_event} with plain SQL.
 * Each vendor's subclass names its database.
 */
abstract class MonitoringScenarios {

	/** Requests an ordinary client sends, with and without credentials. */
	static final List<String> ORDINARY = List.of("/public/", "/public/index.html", "/public/docs/v1.2/guide.html",
			"/public/search?q=tea", "/public/search?q=" + encode("O'Neil"), "/public/search?q=" + encode("rock & roll"),
			"/public/search?q=" + encode("select a union representative"), "/public/search?q=" + encode("1+1=2"),
			"/public/search?q=" + encode("price < 10 and size > 2"), "/public/files/report...final.pdf",
			"/public/search?q=%E6%97%A5%E6%9C%AC&sort=price,desc&page=2", "/public/search?q=" + encode("50% off"),
			"/public/search?q=" + encode("C:\\Users\\me"));

	private static final JsonMapper JSON = new JsonMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	abstract TestDatabase database();

	@Test
	void ordinaryTrafficRaisesNothing() throws Exception {
		try (ConfigurableApplicationContext context = start("auditlog.events.suspicious-requests.enabled=true",
				"auditlog.events.login-burst.enabled=true")) {
			String base = base(context);
			for (String path : ORDINARY) {
				assertThat(send(base + path, null, "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0").statusCode())
					.as(path)
					.isEqualTo(200);
			}
			assertThat(send(base + "/account", basic("alice", "alice-pw"), "curl/8.5.0").statusCode()).isEqualTo(200);
			assertThat(send(base + "/account", basic("alice", "typo"), "curl/8.5.0").statusCode()).isEqualTo(401);
			assertThat(events(context)).extracting((event) -> event.get("type"))
				.containsExactly("AUTHENTICATION_FAILURE");
		}
	}

	@Test
	void eachAttackIsRecordedOnceWithItsRuleAndNeverItsQuery() throws Exception {
		try (ConfigurableApplicationContext context = start("auditlog.events.suspicious-requests.enabled=true",
				"auditlog.events.suspicious-requests.max-url-length=300")) {
			String base = base(context);
			send(base + "/public/search?file=" + encode("../../etc/passwd"), null, null);
			send(base + "/public/search?q=" + encode("x' UNION/**/SELECT password FROM users--"), null, null);
			send(base + "/public/search?q=" + encode(encode("<script>alert(1)</script>")), null, null);
			send(base + "/public/", null, "sqlmap/1.8#stable (https://sqlmap.org)");
			send(base + "/public/search?q=" + "a".repeat(400), null, null);
			List<Map<String, Object>> events = events(context);
			assertThat(events).extracting((event) -> event.get("type"))
				.containsOnly(SuspiciousRequestFilter.SUSPICIOUS_REQUEST);
			assertThat(events).extracting((event) -> data(event).get("rule") + " " + data(event).get("signature"))
				.containsExactly("path-traversal ../", "sql-injection union select", "script-injection <script",
						"scanner-user-agent sqlmap", "long-url longer than 300 characters");
			assertThat(data(events.get(3))).containsEntry("userAgent", "sqlmap/1.8#stable (https://sqlmap.org)");
			assertThat(data(events.get(4))).containsEntry("urlLength", 417);
			assertThat(events).allSatisfy((event) -> {
				assertThat(event.get("remote_addr")).isEqualTo("127.0.0.1");
				assertThat(event.get("cid")).isNotNull();
				assertThat(data(event)).containsEntry("method", "GET").doesNotContainKey("query");
				assertThat(String.valueOf(event.get("data"))).doesNotContain("password FROM", "passwd", "aaaa");
			});
		}
	}

	@Test
	void aScannerCannotFillTheTable() throws Exception {
		try (ConfigurableApplicationContext context = start("auditlog.events.suspicious-requests.enabled=true",
				"auditlog.events.suspicious-requests.max-events-per-minute=3")) {
			String base = base(context);
			for (int i = 0; i < 20; i++) {
				assertThat(send(base + "/public/", null, "Nikto/2.5.0").statusCode()).isEqualTo(200);
			}
			// a request crossing into the next minute may start a new budget
			assertThat(events(context)).hasSizeBetween(3, 6);
		}
	}

	@Test
	void aLoginBurstIsRecordedOnceAndRefusedUntilItsCoolDownEnds() throws Exception {
		try (ConfigurableApplicationContext context = start("auditlog.events.login-burst.enabled=true",
				"auditlog.events.login-burst.max-failures=3", "auditlog.events.login-burst.cool-down=2s")) {
			String base = base(context);
			for (int i = 0; i < 3; i++) {
				assertThat(send(base + "/account", basic("alice", "guess-" + i), null).statusCode()).isEqualTo(401);
			}
			HttpResponse<String> refused = send(base + "/account", basic("alice", "alice-pw"), null);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After"))
				.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3));
			assertThat(refused.body()).contains("Too many failed sign-ins");
			assertThat(formLogin(base, "alice", "alice-pw").statusCode()).isEqualTo(429);
			// requests without credentials go on
			assertThat(send(base + "/public/", null, null).statusCode()).isEqualTo(200);
			List<Map<String, Object>> bursts = events(context).stream()
				.filter((event) -> LoginBurstListener.LOGIN_BURST.equals(event.get("type")))
				.toList();
			assertThat(bursts).extracting((event) -> event.get("principal") + " " + event.get("remote_addr"))
				.containsExactlyInAnyOrder("anonymous 127.0.0.1", "alice 127.0.0.1");
			assertThat(bursts).extracting((event) -> data(event).get("by") + " " + data(event).get("failures"))
				.containsExactlyInAnyOrder("address 3", "username 3");
			assertThat(bursts).allSatisfy((event) -> assertThat(data(event)).containsKey("refusedUntil"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> send(base + "/account", basic("alice", "alice-pw"), null).statusCode() == 200);
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		TestDatabase database = database();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MonitoredApplication.class)
			.properties("server.port=0", "spring.jpa.open-in-view=false", "spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.datasource.hikari.maximum-pool-size=2")
			.properties(properties)
			.run();
		context.getBean(JdbcTemplate.class).update("DELETE FROM auditlog_event");
		return context;
	}

	private static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static List<Map<String, Object>> events(ConfigurableApplicationContext context) {
		// getString: H2 hands a json column to getObject as bytes
		return context.getBean(JdbcTemplate.class)
			.query("SELECT type, principal, remote_addr, cid, data FROM auditlog_event ORDER BY id", (rs, row) -> {
				Map<String, Object> event = new HashMap<>();
				for (String column : List.of("type", "principal", "remote_addr", "cid", "data")) {
					event.put(column, rs.getString(column));
				}
				return event;
			});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> event) {
		return JSON.readValue(String.valueOf(event.get("data")), Map.class);
	}

	private HttpResponse<String> send(String url, String authorization, String userAgent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (userAgent != null) {
			request.setHeader("User-Agent", userAgent);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> formLogin(String base, String username, String password) throws Exception {
		String form = "username=" + encode(username) + "&password=" + encode(password);
		return this.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
