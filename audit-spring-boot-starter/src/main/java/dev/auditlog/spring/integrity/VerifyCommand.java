package dev.auditlog.spring.integrity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditJson;
import dev.auditlog.core.IntegrityProblem;
import dev.auditlog.core.IntegrityReport;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Verifies the audit log of a database without the application, as
 * {@code aws cloudtrail validate-logs} does for CloudTrail: it prints the report as JSON
 * and exits with {@code 0} when the log is valid, {@code 1} when a problem was found and
 * {@code 2} when it could not verify. <pre>
 * java -cp app.jar -Dloader.main=dev.auditlog.spring.integrity.VerifyCommand \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     --url=jdbc:postgresql://db/app --user=auditor --keys=/secure/auditlog-keys.properties \
 *     [--from=2025-01-01T00:00:00Z] [--to=...] [--max-seal-delay=PT1H] [--unhashed-until=...] \
 *     [--published=seals.log]
 * </pre> The password is read from the {@code AUDITLOG_VERIFY_PASSWORD} environment
 * variable, never from the command line. The keys file holds one {@code key-id=key} line
 * per key, split at the first {@code =} ({@code #} starts a comment): for an HMAC key id,
 * the {@code auditlog.integrity.hmac-key} of that id; for an Ed25519 key id
 * ({@code ed25519:2025-07}), only its public key, as the Base64 of its X.509 DER bytes
 * (the body of its PEM) or as {@code @file.pem}, a PEM file next to the keys file or at
 * an absolute path. With Ed25519 seals only, the file holds no secret. The optional
 * published seals file holds the seals kept outside the database, one per line: the seal
 * job's log lines as they are (other lines are skipped), or {@code
 *
<table>
 *  <id> <signature>}; each must still be in the database ({@link PublishedSeal}). The
 * JDBC driver must be on the class path, as it is in the application's jar.
 *
 * @since 0.2.0
 */
public final class VerifyCommand {

	private VerifyCommand() {
	}

	/**
	 * Verify and exit with the result.
	 * @param args the options
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.getenv("AUDITLOG_VERIFY_PASSWORD"), System.out, System.err));
	}

	/**
	 * Verify and print the report.
	 * @param args the options
	 * @param password the database password, or {@code null} for none
	 * @param out where the report is printed
	 * @param err where errors are printed
	 * @return {@code 0} when valid, {@code 1} when a problem was found, {@code 2} when it
	 * could not verify
	 */
	static int run(String[] args, @Nullable String password, PrintStream out, PrintStream err) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				err.println("Not an option: " + arg + " (use --name=value)");
				return 2;
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String url = options.get("url");
		String keysFile = options.get("keys");
		if (url == null || keysFile == null) {
			err.println("Usage: --url=<jdbc url> --keys=<key-id=key properties file> [--user=<name>] "
					+ "[--from=<instant>] [--to=<instant>] [--max-seal-delay=<duration>] [--unhashed-until=<instant>] [--published=<file of published seals>]; "
					+ "the password comes from AUDITLOG_VERIFY_PASSWORD");
			return 2;
		}
		try {
			SealKeys keys = keys(Path.of(keysFile));
			DriverManagerDataSource dataSource = new DriverManagerDataSource(url, options.getOrDefault("user", ""),
					(password != null) ? password : "");
			Duration maxSealDelay = Duration.parse(options.getOrDefault("max-seal-delay", "PT1H"));
			IntegrityVerifier verifier = new IntegrityVerifier(dataSource, keys, Clock.systemUTC(), maxSealDelay,
					instant(options.get("unhashed-until")));
			String publishedFile = options.get("published");
			IntegrityReport report = verifier.verify(instant(options.get("from")), instant(options.get("to")),
					(publishedFile != null) ? published(Path.of(publishedFile)) : List.of());
			out.println(json(report));
			return report.valid() ? 0 : 1;
		}
		catch (IOException | RuntimeException ex) {
			err.println("Could not verify the audit log: " + ex.getMessage());
			return 2;
		}
	}

	private static SealKeys keys(Path file) throws IOException {
		Map<String, String> keys = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("The keys file " + file + " has a line that is not key-id=key");
			}
			String id = trimmed.substring(0, equals).strip();
			String key = trimmed.substring(equals + 1);
			if (key.startsWith("@")) {
				key = Files.readString(file.resolveSibling(key.substring(1)), StandardCharsets.UTF_8);
			}
			keys.put(id, key);
		}
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("The keys file " + file + " holds no key-id=key line");
		}
		return SealKeys.verifying(keys);
	}

	private static List<PublishedSeal> published(Path file) throws IOException {
		List<PublishedSeal> seals = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			PublishedSeal seal = PublishedSeal.parse(line);
			if (seal != null) {
				seals.add(seal);
			}
		}
		return seals;
	}

	private static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Not an ISO-8601 instant: " + text, ex);
		}
	}

	static String json(IntegrityReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("entries", report.entries());
		json.put("seals", report.seals());
		json.put("pending", report.pending());
		json.put("valid", report.valid());
		json.put("problems", report.problems().stream().map(VerifyCommand::problem).toList());
		return AuditJson.mapper().writeValueAsString(json);
	}

	private static Map<String, Object> problem(IntegrityProblem problem) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (problem.entryId() != null) {
			json.put("entryId", problem.entryId());
		}
		if (problem.sealId() != null) {
			json.put("sealId", problem.sealId());
		}
		json.put("kind", problem.kind().jsonName());
		if (problem.table() != null) {
			json.put("table", problem.table());
		}
		return json;
	}

}
