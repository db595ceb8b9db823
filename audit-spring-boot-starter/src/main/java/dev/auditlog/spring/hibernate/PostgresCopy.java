package dev.auditlog.spring.hibernate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.auditlog.core.Changes;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes log entries with PostgreSQL's {@code COPY auditlog_logentry (...) FROM STDIN} in
 * text format, on the transaction's connection (the driver's {@code CopyManager}): one
 * round trip, no parameters to parse or bind. Measured against the multi-row
 * {@code INSERT} (see {@code audit-benchmarks}): about a fifth cheaper at 100 entries, as
 * cheap at 10 and dearer at 1; hence {@link LogEntryWriter} copies from
 * {@link LogEntryWriter#COPY_FROM_ROWS} entries on. Loaded only when the PostgreSQL
 * driver is on the class path.
 */
final class PostgresCopy {

	private static final long MIN_DAY = LocalDate.of(1, 1, 1).toEpochDay();

	private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

	private PostgresCopy() {
	}

	/**
	 * Return whether the given connection can copy: a PostgreSQL driver connection, or a
	 * pool's or proxy's wrapper of one.
	 */
	static boolean canCopy(Connection connection) {
		try {
			return connection.isWrapperFor(PGConnection.class);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Copy the rows.
	 * @param connection the transaction's connection ({@link #canCopy} holds)
	 * @param columns {@code auditlog_logentry (timestamp, ...)}, the target of the copy
	 * @param rows each row's values in column order: {@link String}, {@link Number},
	 * {@link Instant} (written in ISO 8601 form at microseconds), {@link Changes}
	 * (written as their JSON) or {@code null}
	 * @throws SQLException if PostgreSQL refuses the copy; the connection's transaction
	 * is then aborted, as by a failed {@code INSERT}
	 */
	static void copy(Connection connection, String columns, List<@Nullable Object[]> rows) throws SQLException {
		StringBuilder text = new StringBuilder(rows.size() * 512);
		StringBuilder json = new StringBuilder(512);
		for (@Nullable
		Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				if (row[i] instanceof Changes changes) {
					json.setLength(0);
					append(text, changes.appendJson(json));
				}
				else {
					append(text, row[i]);
				}
			}
			text.append('\n');
		}
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + columns + " FROM STDIN");
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/**
	 * Append an instant of the years 1 to 9999 as {@code 2026-11-30T10:11:54.550549Z},
	 * ISO 8601 at microseconds (as {@link Instant#toString()} gives it, with all six
	 * digits of the fraction), without a formatter.
	 * @return {@code false}, having appended nothing, for an instant outside those years
	 */
	static boolean appendTimestamp(StringBuilder text, Instant instant) {
		long seconds = instant.getEpochSecond();
		long day = Math.floorDiv(seconds, 86_400L);
		if (day < MIN_DAY || day > MAX_DAY) {
			return false;
		}
		LocalDate date = LocalDate.ofEpochDay(day);
		int second = (int) Math.floorMod(seconds, 86_400L);
		digits(text, date.getYear(), 4).append('-');
		digits(text, date.getMonthValue(), 2).append('-');
		digits(text, date.getDayOfMonth(), 2).append('T');
		digits(text, second / 3600, 2).append(':');
		digits(text, second / 60 % 60, 2).append(':');
		digits(text, second % 60, 2).append('.');
		digits(text, instant.getNano() / 1000, 6).append('Z');
		return true;
	}

	private static StringBuilder digits(StringBuilder text, int value, int width) {
		for (int divisor = (width == 6) ? 100_000 : (width == 4) ? 1000 : 10; divisor > 0; divisor /= 10) {
			text.append((char) ('0' + value / divisor % 10));
		}
		return text;
	}

	private static boolean escaped(char c) {
		return c == '\\' || c == '\t' || c == '\n' || c == '\r';
	}

	private static void append(StringBuilder text, @Nullable Object value) {
		if (value == null) {
			text.append("\\N");
			return;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			text.append(((Number) value).longValue());
			return;
		}
		if (value instanceof Number) {
			text.append(value);
			return;
		}
		if (value instanceof Instant instant && appendTimestamp(text, instant)) {
			return;
		}
		CharSequence string = (value instanceof CharSequence chars) ? chars : value.toString();
		int clean = 0;
		while (clean < string.length() && !escaped(string.charAt(clean))) {
			clean++;
		}
		if (clean == string.length()) {
			// most values hold nothing to escape: appended at once (a builder's chars in
			// one copy, not one by one)
			text.append(string);
			return;
		}
		text.append(string, 0, clean);
		for (int i = clean; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

}
