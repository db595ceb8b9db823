package dev.auditlog.spring.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.auditlog.spring.InvalidAuditConfigurationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The built-in rules on attack inputs, their encoded and disguised variants, and ordinary
 * inputs drawn at random, in milliseconds.
 */
class SuspiciousRequestRulesTests {

	private static final long SEED = 20261130L;

	private final List<SuspiciousRequestRule> rules = SuspiciousRequestRules
		.named(List.of("path-traversal", "sql-injection", "script-injection", "scanner-user-agent", "long-url"), 2048);

	/** An attack in a query value, with the rule that must find it. */
	private record Attack(String rule, String value) {
	}

	private static final List<Attack> ATTACKS = List.of(new Attack("path-traversal", "../../etc/passwd"),
			new Attack("path-traversal", "..\\..\\windows\\win.ini"), new Attack("path-traversal", "/var/www/..;/x"),
			new Attack("path-traversal", "file.txt\u0000.png"), new Attack("path-traversal", "/proc/self/environ"),
			new Attack("sql-injection", "1 UNION SELECT username, password FROM users"),
			new Attack("sql-injection", "1 union all select null,null--"),
			new Attack("sql-injection", "1 UNION DISTINCT SELECT 1"), new Attack("sql-injection", "admin' OR '1'='1"),
			new Attack("sql-injection", "x' or 1=1 -- "), new Attack("sql-injection", "1' AND SLEEP(5)#"),
			new Attack("sql-injection", "1; WAITFOR DELAY '0:0:5'"),
			new Attack("sql-injection", "1 and 1=(select count(*) from information_schema.tables)"),
			new Attack("sql-injection", "1;DROP TABLE users"), new Attack("sql-injection", "1'||pg_sleep(10)--"),
			new Attack("script-injection", "<script>alert(document.cookie)</script>"),
			new Attack("script-injection", "<img src=x onerror=alert(1)>"),
			new Attack("script-injection", "<svg/onload=alert(1)>"),
			new Attack("script-injection", "javascript:alert(1)"),
			new Attack("script-injection", "\"><iframe srcdoc=\"x\">"),
			new Attack("script-injection", "<body onload = prompt(1)>"));

	private static final List<String> ORDINARY_VALUES = List.of("tea", "O'Neil", "rock & roll", "50% off",
			"select a union representative", "1+1=2", "price < 10 and size > 2", "C:\\Users\\me", "日本語",
			"email@example.com", "a/b/c", "v1.2.3", "report...final", "don't stop", "SELECT", "or", "1=1", "sleep well",
			"union", "script", "onerror", "java script", "\"green\" or \"black\"", "weather alert (storm)",
			"Rank '#1 seller'", "Sleep(8) pillow", "sleep(8) pillow", "prompt delivery", "benchmarks");

	@Test
	void everyAttackIsFoundByItsRuleInTheQueryAsSentAndEncodedTwice() {
		for (Attack attack : ATTACKS) {
			String once = encode(attack.value());
			assertThat(finding(request("/search", "q=" + once, null))).as(attack.value()).isEqualTo(attack.rule());
			assertThat(finding(request("/search", "q=" + encode(once), null))).as("double %s", attack.value())
				.isEqualTo(attack.rule());
		}
	}

	@Test
	void attacksDisguisedByCaseAndPartialEncodingAreFound() {
		Random random = new Random(SEED);
		for (int tried = 0; tried < 2_000; tried++) {
			Attack attack = ATTACKS.get(random.nextInt(ATTACKS.size()));
			String disguised = disguise(attack.value(), random);
			String found = finding(request("/search", "q=" + disguised, null));
			if (!attack.rule().equals(found)) {
				fail("seed %d, try %d: %s disguised as %s found %s instead of %s", SEED, tried, attack.value(),
						disguised, found, attack.rule());
			}
		}
	}

	@Test
	void ordinaryRequestsDrawnAtRandomMatchNothing() {
		Random random = new Random(SEED);
		for (int tried = 0; tried < 5_000; tried++) {
			StringBuilder path = new StringBuilder();
			for (int segment = random.nextInt(4); segment >= 0; segment--) {
				path.append('/').append(word(random));
				if (random.nextInt(5) == 0) {
					path.append('.').append(List.of("html", "json", "pdf", "v2").get(random.nextInt(4)));
				}
			}
			StringBuilder query = new StringBuilder();
			for (int parameter = random.nextInt(4); parameter > 0; parameter--) {
				String value = random.nextBoolean() ? word(random)
						: ORDINARY_VALUES.get(random.nextInt(ORDINARY_VALUES.size()));
				query.append((query.length() > 0) ? "&" : "").append(word(random)).append('=').append(encode(value));
			}
			String userAgent = List
				.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0", "curl/8.5.0",
						"Java-http-client/21", "python-requests/2.32", "okhttp/4.12.0", "PostmanRuntime/7.39")
				.get(random.nextInt(6));
			InspectedRequest request = request(path.toString(), (query.length() > 0) ? query.toString() : null,
					userAgent);
			String found = finding(request);
			if (found != null) {
				fail("seed %d, try %d: %s?%s (%s) found %s", SEED, tried, request.path(), request.query(), userAgent,
						found);
			}
		}
	}

	@Test
	void pathTraversalInThePathIsFound() {
		assertThat(finding(request("/files/%2e%2e/%2e%2e/etc/shadow", null, null))).isEqualTo("path-traversal");
		assertThat(finding(request("/files/%252e%252e%252fsecret", null, null))).isEqualTo("path-traversal");
		assertThat(finding(request("/files/..", null, null))).isEqualTo("path-traversal");
		assertThat(finding(request("/files/...", null, null))).isNull();
	}

	@Test
	void scannersAreKnownByTheirUserAgent() {
		for (String agent : List.of("sqlmap/1.8#stable", "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None)",
				"Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)",
				"Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "WPScan v3.8.25", "masscan/1.3")) {
			assertThat(finding(request("/", null, agent))).as(agent).isEqualTo("scanner-user-agent");
		}
	}

	@Test
	void aLongUrlIsMeasuredBeforeItIsCut() {
		String query = "q=" + "a".repeat(InspectedRequest.MAX_INSPECTED_LENGTH * 2);
		InspectedRequest request = request("/search", query, null);
		assertThat(request.query()).hasSize(InspectedRequest.MAX_INSPECTED_LENGTH);
		assertThat(request.urlLength()).isEqualTo("/search".length() + 1 + query.length());
		assertThat(finding(request)).isEqualTo("long-url");
		assertThat(finding(request("/search", "q=" + "a".repeat(2000), null))).isNull();
	}

	@Test
	void malformedEscapesAreKeptAsTheyAre() {
		assertThat(InspectedRequest.decode("%zz%2")).isEqualTo("%zz%2");
		assertThat(InspectedRequest.decode("%e6%97%a5%")).isEqualTo("日%");
		assertThat(InspectedRequest.decode("%ff")).isEqualTo("\ufffd");
		assertThat(finding(request("/search", "q=%zz%2e%2e%2f", null))).isEqualTo("path-traversal");
	}

	@Test
	void anUnknownRuleIsRefusedNamingTheKnownOnes() {
		assertThatExceptionOfType(InvalidAuditConfigurationException.class)
			.isThrownBy(() -> SuspiciousRequestRules.named(List.of("sql-injection", "xss"), 2048))
			.withMessageContaining("'xss'")
			.withMessageContaining("path-traversal, sql-injection, script-injection, scanner-user-agent, long-url");
		assertThatExceptionOfType(InvalidAuditConfigurationException.class)
			.isThrownBy(() -> SuspiciousRequestRules.named(List.of(), 0))
			.withMessageContaining("max-url-length");
	}

	private @Nullable String finding(InspectedRequest request) {
		for (SuspiciousRequestRule rule : this.rules) {
			SuspiciousRequestRule.Finding finding = rule.inspect(request);
			if (finding != null) {
				return finding.rule();
			}
		}
		return null;
	}

	private static InspectedRequest request(String path, @Nullable String query, @Nullable String userAgent) {
		return new InspectedRequest("GET", path, query, userAgent);
	}

	/**
	 * Percent-encode the value as a browser would, changing the case of letters at random
	 * and encoding a random share of the characters that need no encoding.
	 */
	private static String disguise(String value, Random random) {
		StringBuilder disguised = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
			if (plain && random.nextInt(4) != 0) {
				disguised.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
			}
			else {
				String hex = String.format("%02x", b & 0xff);
				disguised.append('%').append(random.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex);
			}
		}
		return disguised.toString();
	}

	private static String word(Random random) {
		String letters = "abcdefghijklmnopqrstuvwxyz0123456789-_";
		StringBuilder word = new StringBuilder();
		for (int i = 1 + random.nextInt(10); i > 0; i--) {
			word.append(letters.charAt(random.nextInt(letters.length())));
		}
		return word.toString();
	}

	private static String encode(String value) {
		return MonitoringScenarios.encode(value);
	}

}
