package dev.auditlog.spring.integrity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A seal as it was published outside the database (the {@code INFO} line of the seal job
 * or a {@link SealCreatedEvent}), to compare with the seals in the database: a published
 * seal that is gone, or whose signature is no longer the one stored, shows a database
 * restored from an old backup or a chain cut back together with its last seals.
 *
 * @param table the sealed table, {@code auditlog_logentry} or {@code auditlog_event}
 * @param id the seal's number in the chain of its table
 * @param signature its signature, hexadecimal
 * @since 0.2.0
 */
public record PublishedSeal(String table, long id, String signature) {

	private static final Pattern LOG_LINE = Pattern
		.compile("in seal (\\d+) of (\\w+) signed with key '[^']*': ([0-9a-f]+)");

	private static final Pattern PLAIN = Pattern.compile("(\\w+) (\\d+) ([0-9a-f]+)");

	/**
	 * Read a published seal from a line: the seal job's log line
	 * ({@code … in seal 57 of auditlog_logentry signed with key '2025-01': 3f9a…}), or
	 * {@code
	 *
	<table>
	 *  <id> <signature>}.
	 * @param line the line
	 * @return the seal, or {@code null} when the line holds none
	 */
	public static @Nullable PublishedSeal parse(String line) {
		Matcher log = LOG_LINE.matcher(line);
		if (log.find()) {
			return new PublishedSeal(log.group(2), Long.parseLong(log.group(1)), log.group(3));
		}
		Matcher plain = PLAIN.matcher(line.strip());
		if (plain.matches()) {
			return new PublishedSeal(plain.group(1), Long.parseLong(plain.group(2)), plain.group(3));
		}
		return null;
	}

	/**
	 * Return the published seal of an event.
	 * @param event the event
	 * @return the seal
	 */
	public static PublishedSeal of(SealCreatedEvent event) {
		return new PublishedSeal(event.getTable(), event.getSealId(), event.getSignature());
	}

}
