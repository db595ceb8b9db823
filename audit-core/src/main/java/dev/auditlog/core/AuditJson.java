package dev.auditlog.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the audit log's stored format. It writes and reads the JSON
 * columns of both tables — {@code changes}, {@code serialized_data} and
 * {@code additional_data} of {@code auditlog_logentry}, {@code data} of
 * {@code auditlog_event} — wherever the starter writes, reads, queries or verifies them.
 * <p>
 * Its configuration is fixed here and is Jackson's own default, with the settings that
 * would change the stored text pinned: compact output (no indentation), map entries in
 * their given order (not sorted), {@code null} values written, numbers as numbers in
 * Jackson's spelling ({@code 12.50}, not {@code "12.50"}, no forced plain notation),
 * non-ASCII characters as themselves, dates as ISO-8601 text. An application's
 * {@code JsonMapper} bean and its {@code spring.jackson.*} properties are never used for
 * the stored form, so they cannot change what is stored, nor how it is read back. Only
 * turning an application's own objects into JSON ({@link #converter}) borrows its Jackson
 * modules, so that its types are written as the application writes them.
 * <p>
 * Jackson 3 mappers are immutable: the one instance is shared by every thread.
 *
 * @since 0.1.0
 */
public final class AuditJson {

	private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

	private AuditJson() {
	}

	/**
	 * Return the mapper of the stored format.
	 * @return the mapper, shared and immutable
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Return a mapper with the stored format's configuration and the given modules, for
	 * turning an application's objects into plain JSON values as the application's own
	 * mapper would, whose writing fails beyond a nesting depth (an object graph with a
	 * cycle then fails with an exception instead of overflowing the stack).
	 * @param modules the application's Jackson modules
	 * @param maxNestingDepth the deepest nesting written
	 * @return a new mapper
	 */
	public static JsonMapper converter(Iterable<? extends JacksonModule> modules, int maxNestingDepth) {
		JsonFactory factory = JsonFactory.builder()
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(maxNestingDepth).build())
			.build();
		return configure(JsonMapper.builder(factory)).addModules(modules).build();
	}

	private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.disable(SerializationFeature.INDENT_OUTPUT)
			.disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
			.disable(JsonWriteFeature.ESCAPE_NON_ASCII)
			// the escapes Changes writes by hand for the changes column
			.disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
			.enable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.ALWAYS)
				.withContentInclusion(JsonInclude.Include.ALWAYS));
	}

}
