package dev.auditlog.spring.signin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.auditlog.spring.testdb.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which sign-ins become {@code auditlog_event} rows under each
 * {@code auditlog.events.authentication-success} mode, over real HTTP requests to a
 * running server, read back with plain SQL. Each vendor's subclass names its database.
 */
abstract class SignInEventScenarios {

	private final HttpClient http = HttpClient.newHttpClient();

	abstract TestDatabase database();

	@Test
	void onlyInteractiveSignInsAndEveryFailureAreRecordedByDefault() throws Exception {
		List<Map<String, Object>> events = signInEveryWay(null);
		assertThat(events).extracting((event) -> event.get("type") + " " + event.get("principal"))
			.containsExactly("AUTHENTICATION_SUCCESS bob", "LOGOUT bob", "AUTHENTICATION_FAILURE alice",
					"AUTHENTICATION_FAILURE mallory");
		assertThat(events.get(0).get("remote_addr")).isEqualTo("127.0.0.1");
	}

	@Test
	void interactiveModeRecordsTheSameAsTheDefault() throws Exception {
		assertThat(signInEveryWay("interactive"))
			.extracting((event) -> event.get("type") + " " + event.get("principal"))
			.containsExactly("AUTHENTICATION_SUCCESS bob", "LOGOUT bob", "AUTHENTICATION_FAILURE alice",
					"AUTHENTICATION_FAILURE mallory");
	}

	@Test
	void allRecordsEveryAuthenticatedRequestAndEachSignInOnce() throws Exception {
		assertThat(signInEveryWay("all")).extracting((event) -> event.get("type") + " " + event.get("principal"))
			.containsExactly("AUTHENTICATION_SUCCESS alice", "AUTHENTICATION_SUCCESS alice",
					"AUTHENTICATION_SUCCESS carol", "AUTHENTICATION_SUCCESS bob", "LOGOUT bob",
					"AUTHENTICATION_FAILURE alice", "AUTHENTICATION_FAILURE mallory");
	}

	@Test
	void noneRecordsFailuresOnly() throws Exception {
		assertThat(signInEveryWay("none")).extracting((event) -> event.get("type") + " " + event.get("principal"))
			.containsExactly("LOGOUT bob", "AUTHENTICATION_FAILURE alice", "AUTHENTICATION_FAILURE mallory");
	}

	@Test
	void aFailedBearerTokenIsRecordedByItsFingerprintNeverItself() throws Exception {
		TestDatabase database = database();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignInApplication.class)
			.properties("server.port=0", "spring.jpa.open-in-view=false", "spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.datasource.hikari.maximum-pool-size=2")
			.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.update("DELETE FROM auditlog_event");
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			String token = "eyJhbGciOiJIUzI1NiJ9.leaked-secret-token";
			assertThat(get(base, "Bearer " + token).statusCode()).isEqualTo(401);
			assertThat(get(base, "Bearer " + token).statusCode()).isEqualTo(401);
			List<String> rows = jdbc.query("SELECT type, principal, remote_addr, cid, data FROM auditlog_event",
					(rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
							+ " " + rs.getString(5));
			assertThat(rows).hasSize(2).allSatisfy((row) -> {
				assertThat(row).startsWith("AUTHENTICATION_FAILURE token sha256:").doesNotContain("leaked-secret");
			});
			assertThat(rows.get(0).split(" ")[2]).isEqualTo(rows.get(1).split(" ")[2]).matches("sha256:[0-9a-f]{16}");
		}
	}

	/**
	 * Start the application in the given mode and sign in every way: two requests with
	 * HTTP Basic, one with a bearer token, a form login and its logout, a wrong Basic
	 * password and a wrong form password.
	 * @param mode the value of auditlog.events.authentication-success, or null to leave
	 * it unset
	 * @return the authentication and logout events recorded, in order
	 */
	private List<Map<String, Object>> signInEveryWay(@Nullable String mode) throws Exception {
		TestDatabase database = database();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SignInApplication.class).properties(
				"server.port=0", "spring.jpa.open-in-view=false", "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "spring.datasource.hikari.maximum-pool-size=2");
		if (mode != null) {
			builder.properties("auditlog.events.authentication-success=" + mode);
		}
		try (ConfigurableApplicationContext context = builder.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.update("DELETE FROM auditlog_event");
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(get(base, basic("alice", "alice-pw")).statusCode()).isEqualTo(200);
			assertThat(get(base, basic("alice", "alice-pw")).statusCode()).isEqualTo(200);
			assertThat(get(base, "Bearer token-carol").statusCode()).isEqualTo(200);
			HttpResponse<String> login = formLogin(base, "bob", "bob-pw");
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
			String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
			HttpResponse<String> logout = this.http.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
				.header("Cookie", session)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(logout.statusCode()).isEqualTo(204);
			assertThat(get(base, basic("alice", "wrong")).statusCode()).isEqualTo(401);
			HttpResponse<String> failedLogin = formLogin(base, "mallory", "guess");
			assertThat(failedLogin.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).contains("error"));
			return jdbc.queryForList("SELECT type, principal, remote_addr, data FROM auditlog_event "
					+ "WHERE type LIKE 'AUTHENTICATION%' OR type LIKE 'LOGOUT%' ORDER BY id");
		}
	}

	private HttpResponse<String> get(String base, String authorization) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(base + "/hello")).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> formLogin(String base, String username, String password) throws Exception {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return this.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
