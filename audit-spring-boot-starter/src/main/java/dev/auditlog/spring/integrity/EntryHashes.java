package dev.auditlog.spring.integrity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import dev.auditlog.core.CanonicalJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content hash of an audit log entry: SHA-256 over the entry's canonical form, as 64
 * lower-case hexadecimal digits. The canonical form depends only on the values stored,
 * not on the database that stores them, so a hash computed when an entry is written
 * matches the hash computed from the row read back on PostgreSQL, MariaDB or H2.
 * <p>
 * The canonical form of an {@code auditlog_logentry} row is the UTF-8 bytes of one JSON
 * array, without whitespace: <pre>
 * ["auditlog_logentry/1", timestamp, action, model, object_pk, object_id, object_repr,
 *  changes, serialized_data, additional_data, actor, remote_addr, cid]
 * </pre>
 * <ul>
 * <li>{@code timestamp} is a string, ISO-8601 in UTC with exactly six fraction digits
 * ({@code "2025-01-31T10:15:30.123000Z"}): the instant as stored, at microseconds.</li>
 * <li>{@code action} and {@code object_id} are integers; absent values are
 * {@code null}.</li>
 * <li>Text columns are JSON strings, escaped as RFC 8259 requires (control characters as
 * {@code &#92;u00XX}, except {@code &#92;b &#92;t &#92;n &#92;f &#92;r}; nothing else
 * escaped).</li>
 * <li>The JSON columns are embedded as canonical JSON: object members sorted by name (in
 * UTF-16 code unit order), no whitespace, numbers as their exact decimal value with
 * trailing zeros removed ({@code 1.50} and {@code 1.5} are {@code 1.5}, {@code 100.0} is
 * {@code 100}; a value whose exponent exceeds 100 is written in Java's {@code BigDecimal}
 * scientific form, {@code 1E+300}). PostgreSQL's {@code jsonb} reorders members and
 * rewrites numbers; the canonical form is the same either way.</li>
 * </ul>
 * An entry recorded for a tenant (its {@code tenant} column is set) has the tenant as a
 * fourteenth element, a JSON string, after {@code cid}; an entry without a tenant has
 * exactly the thirteen elements above, so the hashes of entries written before the column
 * existed stay what they were, and setting or clearing a tenant afterwards changes the
 * hash.
 * <p>
 * The id is not part of the form: it is given by the database on insert. A seal records
 * which hash belongs to which id.
 * <p>
 * The canonical form of an {@code auditlog_event} row follows the same rules: <pre>
 * ["auditlog_event/1", timestamp, principal, type, remote_addr, cid, data]
 * </pre> with {@code data}, a JSON column, written canonically, and {@code null} when
 * absent.
 *
 * @since 0.2.0
 */
public final class EntryHashes {

	/** The first element of the canonical form of a log entry. */
	public static final String LOG_ENTRY_FORM = "auditlog_logentry/1";

	/** The first element of the canonical form of a system event. */
	public static final String EVENT_FORM = "auditlog_event/1";

	private static final int MAX_PLAIN_EXPONENT = 100;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	// what a database accepted and Jackson wrote is read back, however long its texts,
	// numbers and names (the nesting depth stays what Jackson writes at most)
	private static final JsonMapper json = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNumberLength(Integer.MAX_VALUE)
				.maxStringLength(Integer.MAX_VALUE)
				.maxNameLength(Integer.MAX_VALUE)
				.build())
			.build())
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private static final HexFormat HEX = HexFormat.of();

	private EntryHashes() {
	}

	/**
	 * Return the content hash of a log entry from its column values as stored.
	 * @param timestamp the timestamp column (cut to microseconds here)
	 * @param action the action column
	 * @param model the model column
	 * @param objectPk the object_pk column
	 * @param objectId the object_id column, or {@code null}
	 * @param objectRepr the object_repr column
	 * @param changes the changes column as JSON text
	 * @param serializedData the serialized_data column as JSON text, or {@code null}
	 * @param additionalData the additional_data column as JSON text, or {@code null}
	 * @param actor the actor column, or {@code null}
	 * @param remoteAddr the remote_addr column, or {@code null}
	 * @param cid the cid column, or {@code null}
	 * @return 64 lower-case hexadecimal digits
	 * @throws IllegalArgumentException if a JSON column does not hold JSON
	 */
	public static String logEntry(Instant timestamp, int action, String model, String objectPk, @Nullable Long objectId,
			String objectRepr, String changes, @Nullable String serializedData, @Nullable String additionalData,
			@Nullable String actor, @Nullable String remoteAddr, @Nullable String cid) {
		return logEntry(timestamp, action, model, objectPk, objectId, objectRepr, changes, serializedData,
				additionalData, actor, remoteAddr, cid, null);
	}

	/**
	 * Return the content hash of a log entry from its column values as stored, with its
	 * tenant.
	 * @param timestamp the timestamp column (cut to microseconds here)
	 * @param action the action column
	 * @param model the model column
	 * @param objectPk the object_pk column
	 * @param objectId the object_id column, or {@code null}
	 * @param objectRepr the object_repr column
	 * @param changes the changes column as JSON text
	 * @param serializedData the serialized_data column as JSON text, or {@code null}
	 * @param additionalData the additional_data column as JSON text, or {@code null}
	 * @param actor the actor column, or {@code null}
	 * @param remoteAddr the remote_addr column, or {@code null}
	 * @param cid the cid column, or {@code null}
	 * @param tenant the tenant column, or {@code null} (then the hash is that of an entry
	 * without the column)
	 * @return 64 lower-case hexadecimal digits
	 * @throws IllegalArgumentException if a JSON column does not hold JSON
	 * @since 0.2.0
	 */
	public static String logEntry(Instant timestamp, int action, String model, String objectPk, @Nullable Long objectId,
			String objectRepr, String changes, @Nullable String serializedData, @Nullable String additionalData,
			@Nullable String actor, @Nullable String remoteAddr, @Nullable String cid, @Nullable String tenant) {
		return sha256(logEntryForm(timestamp, action, model, objectPk, objectId, objectRepr, changes, serializedData,
				additionalData, actor, remoteAddr, cid, tenant));
	}

	/**
	 * Return the canonical form of a log entry, whose SHA-256 is its
	 * {@linkplain #logEntry content hash}.
	 * @param timestamp the timestamp column (cut to microseconds here)
	 * @param action the action column
	 * @param model the model column
	 * @param objectPk the object_pk column
	 * @param objectId the object_id column, or {@code null}
	 * @param objectRepr the object_repr column
	 * @param changes the changes column as JSON text
	 * @param serializedData the serialized_data column as JSON text, or {@code null}
	 * @param additionalData the additional_data column as JSON text, or {@code null}
	 * @param actor the actor column, or {@code null}
	 * @param remoteAddr the remote_addr column, or {@code null}
	 * @param cid the cid column, or {@code null}
	 * @return the canonical form
	 */
	public static String logEntryForm(Instant timestamp, int action, String model, String objectPk,
			@Nullable Long objectId, String objectRepr, String changes, @Nullable String serializedData,
			@Nullable String additionalData, @Nullable String actor, @Nullable String remoteAddr,
			@Nullable String cid) {
		return logEntryForm(timestamp, action, model, objectPk, objectId, objectRepr, changes, serializedData,
				additionalData, actor, remoteAddr, cid, null);
	}

	/**
	 * Return the canonical form of a log entry with its tenant: the form without a tenant
	 * when it is {@code null}, else that form with the tenant as a fourteenth element.
	 * @param timestamp the timestamp column (cut to microseconds here)
	 * @param action the action column
	 * @param model the model column
	 * @param objectPk the object_pk column
	 * @param objectId the object_id column, or {@code null}
	 * @param objectRepr the object_repr column
	 * @param changes the changes column as JSON text
	 * @param serializedData the serialized_data column as JSON text, or {@code null}
	 * @param additionalData the additional_data column as JSON text, or {@code null}
	 * @param actor the actor column, or {@code null}
	 * @param remoteAddr the remote_addr column, or {@code null}
	 * @param cid the cid column, or {@code null}
	 * @param tenant the tenant column, or {@code null}
	 * @return the canonical form
	 * @since 0.2.0
	 */
	public static String logEntryForm(Instant timestamp, int action, String model, String objectPk,
			@Nullable Long objectId, String objectRepr, String changes, @Nullable String serializedData,
			@Nullable String additionalData, @Nullable String actor, @Nullable String remoteAddr, @Nullable String cid,
			@Nullable String tenant) {
		StringBuilder form = new StringBuilder(256 + changes.length());
		form.append('[');
		quote(LOG_ENTRY_FORM, form);
		form.append(',');
		quote(TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.MICROS)), form);
		form.append(',').append(action).append(',');
		quote(model, form);
		form.append(',');
		quote(objectPk, form);
		form.append(',').append((objectId != null) ? objectId.toString() : "null").append(',');
		quote(objectRepr, form);
		form.append(',');
		jsonColumn(changes, form);
		form.append(',');
		jsonColumn(serializedData, form);
		form.append(',');
		jsonColumn(additionalData, form);
		form.append(',');
		quoteNullable(actor, form);
		form.append(',');
		quoteNullable(remoteAddr, form);
		form.append(',');
		quoteNullable(cid, form);
		if (tenant != null) {
			form.append(',');
			quote(tenant, form);
		}
		form.append(']');
		return form.toString();
	}

	/**
	 * Return the content hash of a system event of {@code auditlog_event} from its column
	 * values as stored.
	 * @param timestamp the timestamp column (cut to microseconds here)
	 * @param principal the principal column
	 * @param type the type column
	 * @param remoteAddr the remote_addr column, or {@code null}
	 * @param cid the cid column, or {@code null}
	 * @param data the data column as JSON text, or {@code null}
	 * @return 64 lower-case hexadecimal digits
	 * @throws IllegalArgumentException if the data column does not hold JSON
	 */
	public static String event(Instant timestamp, String principal, String type, @Nullable String remoteAddr,
			@Nullable String cid, @Nullable String data) {
		return sha256(eventForm(timestamp, principal, type, remoteAddr, cid, data));
	}

	/**
	 * Return the canonical form of a system event, whose SHA-256 is its
	 * {@linkplain #event content hash}.
	 * @param timestamp the timestamp column (cut to microseconds here)
	 * @param principal the principal column
	 * @param type the type column
	 * @param remoteAddr the remote_addr column, or {@code null}
	 * @param cid the cid column, or {@code null}
	 * @param data the data column as JSON text, or {@code null}
	 * @return the canonical form
	 * @throws IllegalArgumentException if the data column does not hold JSON
	 */
	public static String eventForm(Instant timestamp, String principal, String type, @Nullable String remoteAddr,
			@Nullable String cid, @Nullable String data) {
		StringBuilder form = new StringBuilder(160 + ((data != null) ? data.length() : 0));
		form.append('[');
		quote(EVENT_FORM, form);
		form.append(',');
		quote(TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.MICROS)), form);
		form.append(',');
		quote(principal, form);
		form.append(',');
		quote(type, form);
		form.append(',');
		quoteNullable(remoteAddr, form);
		form.append(',');
		quoteNullable(cid, form);
		form.append(',');
		jsonColumn(data, form);
		form.append(']');
		return form.toString();
	}

	/**
	 * Return the SHA-256 of the UTF-8 bytes of a text as 64 lower-case hexadecimal
	 * digits.
	 * @param text the text
	 * @return the digest
	 */
	public static String sha256(String text) {
		return HEX.formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static void jsonColumn(@Nullable String value, StringBuilder form) {
		if (value == null) {
			form.append("null");
			return;
		}
		JsonNode node;
		try {
			node = json.readTree(value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not JSON: " + ex.getMessage(), ex);
		}
		write(node, form);
	}

	private static void write(JsonNode node, StringBuilder text) {
		CanonicalJson.write(node, MAX_PLAIN_EXPONENT, text);
	}

	private static void quoteNullable(@Nullable String value, StringBuilder text) {
		if (value == null) {
			text.append("null");
		}
		else {
			quote(value, text);
		}
	}

	private static void quote(String value, StringBuilder text) {
		CanonicalJson.quote(value, text);
	}

}
