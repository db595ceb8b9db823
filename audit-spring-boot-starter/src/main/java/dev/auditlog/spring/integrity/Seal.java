package dev.auditlog.spring.integrity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * One row of {@code auditlog_seal}: the content hashes of a set of entries by id, chained
 * to the previous seal by its signature and signed.
 * <p>
 * {@code entries} holds one line per entry in id order,
 * {@code <id> <hash> <timestamp in microseconds since the epoch>\n}. The canonical form
 * that is signed is the JSON array {@code ["auditlog_seal/1", id, created, entry_count,
 * first_id, last_id, sha256(entries), previous_signature, key_id, deleted_before]}, the
 * timestamps written as those of entries are ({@link EntryHashes}), a missing
 * {@code deleted_before} as {@code null}.
 * <p>
 * A seal with {@code deleted_before} and no entries is a retention checkpoint: the
 * entries recorded before that instant were deleted on purpose.
 *
 * @param id the seal's number in the chain, from 1
 * @param created when it was made, at microseconds
 * @param entryCount the number of entries it covers
 * @param firstId the smallest id it covers
 * @param lastId the largest id it covers
 * @param entries the ids and hashes of the entries it covers
 * @param previousSignature the signature of seal {@code id - 1}, empty for the first
 * @param keyId the id of the key that signed it
 * @param signature HMAC-SHA256 of the canonical form, hexadecimal
 * @param deletedBefore for a retention checkpoint, the instant before which entries were
 * deleted; else {@code null}
 */
record Seal(long id, Instant created, int entryCount, long firstId, long lastId, String entries,
		String previousSignature, String keyId, String signature, @Nullable Instant deletedBefore) {

	static final String FORM = "auditlog_seal/1";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	static String form(long id, Instant created, int entryCount, long firstId, long lastId, String entries,
			String previousSignature, String keyId, @Nullable Instant deletedBefore) {
		StringBuilder form = new StringBuilder(200);
		form.append("[\"").append(FORM).append("\",").append(id).append(",\"");
		form.append(TIMESTAMP.format(created.truncatedTo(ChronoUnit.MICROS))).append("\",");
		form.append(entryCount).append(',').append(firstId).append(',').append(lastId).append(",\"");
		form.append(EntryHashes.sha256(entries)).append("\",\"");
		JsonStringEncoder.getInstance().quoteAsString(previousSignature, form);
		form.append("\",\"");
		JsonStringEncoder.getInstance().quoteAsString(keyId, form);
		form.append("\",");
		if (deletedBefore != null) {
			form.append('"').append(TIMESTAMP.format(deletedBefore.truncatedTo(ChronoUnit.MICROS))).append('"');
		}
		else {
			form.append("null");
		}
		form.append(']');
		return form.toString();
	}

	String form() {
		return form(this.id, this.created, this.entryCount, this.firstId, this.lastId, this.entries,
				this.previousSignature, this.keyId, this.deletedBefore);
	}

	/**
	 * Read the entries: ids in the order given, with their hashes.
	 * @return the parsed entries, or {@code null} when the text is not in the seal's
	 * format
	 */
	@Nullable Listed listed() {
		int lines = 0;
		for (int i = 0; i < this.entries.length(); i++) {
			if (this.entries.charAt(i) == '\n') {
				lines++;
			}
		}
		long[] ids = new long[lines];
		String[] hashes = new String[lines];
		long[] timestamps = new long[lines];
		int start = 0;
		try {
			for (int line = 0; line < lines; line++) {
				int end = this.entries.indexOf('\n', start);
				int space = this.entries.indexOf(' ', start);
				int second = this.entries.indexOf(' ', space + 1);
				ids[line] = Long.parseLong(this.entries.substring(start, space));
				hashes[line] = this.entries.substring(space + 1, second);
				timestamps[line] = Long.parseLong(this.entries.substring(second + 1, end));
				start = end + 1;
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return new Listed(ids, hashes, timestamps);
	}

	/**
	 * Return an instant as microseconds since the epoch, as entries are listed.
	 * @param instant the instant
	 * @return the microseconds
	 */
	static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	/**
	 * The entries of a seal: ids in ascending order, with their hashes and timestamps (in
	 * microseconds since the epoch).
	 */
	record Listed(long[] ids, String[] hashes, long[] timestamps) {

	}

}
