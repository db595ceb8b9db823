package dev.auditlog.spring.integrity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.io.JsonStringEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EntryHashes}: the canonical form is the documented one, and JSON that
 * a database stores in another form (members reordered, numbers rewritten, whitespace)
 * hashes the same.
 */
class EntryHashesTests {

	private static final Instant AT = Instant.parse("2025-01-31T10:15:30.123456789Z");

	@Test
	void canonicalFormIsTheDocumentedJsonArray() {
		String form = EntryHashes.logEntryForm(AT, 1, "Account", "42", 42L, "Account \"a\"\n",
				"{\"name\": [\"a\", \"b\"], \"balance\": [1.50, 100.0]}", null, "{}", "alice", "10.0.0.1", null);
		assertThat(form).isEqualTo("[\"auditlog_logentry/1\",\"2025-01-31T10:15:30.123456Z\",1,\"Account\",\"42\",42,"
				+ "\"Account \\\"a\\\"\\n\",{\"balance\":[1.5,100],\"name\":[\"a\",\"b\"]},null,{},\"alice\","
				+ "\"10.0.0.1\",null]");
		assertThat(EntryHashes.logEntry(AT, 1, "Account", "42", 42L, "Account \"a\"\n",
				"{\"name\": [\"a\", \"b\"], \"balance\": [1.50, 100.0]}", null, "{}", "alice", "10.0.0.1", null))
			.isEqualTo(EntryHashes.sha256(form))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void aTenantIsAFourteenthElementOnlyWhenSet() {
		String withoutTenant = EntryHashes.logEntryForm(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice",
				null, "c-1");
		assertThat(EntryHashes.logEntryForm(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice", null, "c-1",
				null))
			.isEqualTo(withoutTenant);
		assertThat(EntryHashes.logEntryForm(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice", null, "c-1",
				"acme \"eu\""))
			.isEqualTo(withoutTenant.substring(0, withoutTenant.length() - 1) + ",\"acme \\\"eu\\\"\"]");
		assertThat(EntryHashes.logEntry(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice", null, "c-1", null))
			.isEqualTo(EntryHashes.logEntry(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice", null, "c-1"));
		// a tenant is not confused with a correlation id: the arrays differ in length
		assertThat(EntryHashes.logEntry(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice", null, null, "x"))
			.isNotEqualTo(EntryHashes.logEntry(AT, 1, "Account", "42", 42L, "r", "{}", null, null, "alice", null, "x"));
	}

	@Test
	void canonicalFormOfAnEventIsTheDocumentedJsonArray() {
		String form = EntryHashes.eventForm(AT, "alice", "DATA_EXPORT", "10.0.0.1", null,
				"{\"rows\": 12, \"format\": \"csv\", \"ratio\": 1.50}");
		assertThat(form).isEqualTo("[\"auditlog_event/1\",\"2025-01-31T10:15:30.123456Z\",\"alice\",\"DATA_EXPORT\","
				+ "\"10.0.0.1\",null,{\"format\":\"csv\",\"ratio\":1.5,\"rows\":12}]");
		assertThat(EntryHashes.event(AT, "alice", "DATA_EXPORT", "10.0.0.1", null, null)).isEqualTo(EntryHashes.sha256(
				"[\"auditlog_event/1\",\"2025-01-31T10:15:30.123456Z\",\"alice\",\"DATA_EXPORT\",\"10.0.0.1\",null,null]"));
		assertThat(EntryHashes.event(AT, "alice", "DATA_EXPORT", null, "c-1", "{}"))
			.isNotEqualTo(EntryHashes.event(AT, "alice", "DATA_EXPORT", "c-1", null, "{}"));
	}

	@Test
	void timestampIsTakenAtMicroseconds() {
		assertThat(hash(AT, "{}")).isEqualTo(hash(Instant.parse("2025-01-31T10:15:30.123456Z"), "{}"));
		assertThat(hash(AT, "{}")).isNotEqualTo(hash(Instant.parse("2025-01-31T10:15:30.123457Z"), "{}"));
		assertThat(EntryHashes.logEntryForm(Instant.parse("2025-01-31T10:15:30Z"), 0, "m", "1", null, "r", "{}", null,
				null, null, null, null))
			.contains("\"2025-01-31T10:15:30.000000Z\"");
	}

	@Test
	void jsonStoredInAnotherFormHashesTheSame() {
		String written = "{\"b\":[1.0E-5,100.0,12345678.125],\"a\":{\"z\":true,\"y\":null,\"x\":\"\\u00e9\\n\"}}";
		String asJsonb = "{\"a\": {\"x\": \"\u00e9\\n\", \"y\": null, \"z\": true}, \"b\": [0.000010, 100, 12345678.1250]}";
		assertThat(hash(AT, asJsonb)).isEqualTo(hash(AT, written));
		assertThat(hash(AT, "{\"n\": 1e300}")).isEqualTo(hash(AT, "{\"n\":1.0E+300}"));
		assertThat(hash(AT, "{\"n\": 0.0}")).isEqualTo(hash(AT, "{\"n\":0}"));
	}

	@Test
	void anyChangedColumnChangesTheHash() {
		long seed = 13;
		Random random = new Random(seed);
		for (int i = 0; i < 500; i++) {
			Object[] entry = randomEntry(random);
			Object[] changed = entry.clone();
			int column = random.nextInt(entry.length);
			Object[] other = randomEntry(random);
			changed[column] = (other[column] == null || other[column].equals(entry[column]))
					? differentValue(column, entry[column]) : other[column];
			assertThat(hash(changed))
				.as("seed %d try %d column %d: %s -> %s", seed, i, column, Arrays.toString(entry),
						Arrays.toString(changed))
				.isNotEqualTo(hash(entry));
		}
		// the same text in another column is another entry
		assertThat(EntryHashes.logEntry(AT, 1, "m", "1", null, "r", "{}", null, null, "x", null, null))
			.isNotEqualTo(EntryHashes.logEntry(AT, 1, "m", "1", null, "r", "{}", null, null, null, null, "x"));
	}

	private static Object[] randomEntry(Random random) {
		return new Object[] { AT.plusNanos(1000L * random.nextInt(1_000_000)), random.nextInt(4), text(random),
				text(random), random.nextBoolean() ? null : (long) random.nextInt(100), text(random),
				"{\"v\":[" + random.nextInt(100) + "," + jsonString(text(random)) + "]}",
				random.nextBoolean() ? null : "{\"s\":" + random.nextInt(100) + "}",
				random.nextBoolean() ? null : "{\"d\":" + jsonString(text(random)) + "}", nullableText(random),
				random.nextBoolean() ? null : "10.0.0." + random.nextInt(256), nullableText(random) };
	}

	private static Object differentValue(int column, Object value) {
		return switch (column) {
			case 0 -> ((Instant) value).plusNanos(1000);
			case 1 -> (Integer) value + 1;
			case 4 -> (value != null) ? (Long) value + 1 : 1L;
			case 6, 7, 8 -> (value != null) ? "[" + value + "]" : "{}";
			default -> (value != null) ? value + "!" : "";
		};
	}

	private static String text(Random random) {
		String[] alphabet = { "a", "b", "\"", "\\", "\n", " ", "\u00e9", "\ud83d\ude00" };
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(4); i > 0; i--) {
			text.append(alphabet[random.nextInt(alphabet.length)]);
		}
		return text.toString();
	}

	private static String jsonString(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		JsonStringEncoder.getInstance().quoteAsString(text, quoted);
		return quoted.append('"').toString();
	}

	private static String nullableText(Random random) {
		return random.nextBoolean() ? null : text(random);
	}

	private static String hash(Object[] entry) {
		return EntryHashes.logEntry((Instant) entry[0], (Integer) entry[1], (String) entry[2], (String) entry[3],
				(Long) entry[4], (String) entry[5], (String) entry[6], (String) entry[7], (String) entry[8],
				(String) entry[9], (String) entry[10], (String) entry[11]);
	}

	@Test
	void columnThatIsNotJsonIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> hash(AT, "{not json"));
	}

	private static String hash(Instant timestamp, String changes) {
		return EntryHashes.logEntry(timestamp, 2, "Account", "7", 7L, "Account 7", changes, null, null, null, null,
				null);
	}

}
