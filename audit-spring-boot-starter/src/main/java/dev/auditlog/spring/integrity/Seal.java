package dev.auditlog.spring.integrity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * One row of {@code auditlog_seal}: a link of the chain of one sealed table. A seal
 * closes the id range {@code (first_id - 1, last_id]} (empty when
 * {@code first_id > last_id}): every id in it is either sealed by this seal, or an open
 * gap (not visible when the seal was made: in flight or rolled back), or neither, and
 * then no row may hold it. It also seals late entries, whose ids were open gaps of
 * earlier seals, and carries forward the gaps still open; a gap open longer than
 * {@code auditlog.integrity.max-seal-delay} is closed, and a row that appears in it later
 * was inserted.
 * <p>
 * {@code entries} holds one line per entry it seals, in id order,
 * {@code <id> <hash> <timestamp in microseconds since the epoch>\n}. {@code gaps} holds
 * the gaps open after it (its own and those carried forward), one line per run of ids,
 * {@code <first id> <last id> <microseconds since the epoch when it was first seen>\n}.
 * The canonical form that is signed is the JSON array
 * {@code ["auditlog_seal/2", table_name,
 * id, created, entry_count, first_id, last_id, sha256(entries), sha256(gaps),
 * previous_signature, key_id, deleted_before, sha256(pruned)]}, the timestamps written as
 * those of entries are ({@link EntryHashes}), a missing {@code deleted_before} or
 * {@code pruned} as {@code null}.
 * <p>
 * A seal with {@code deleted_before} is also a retention checkpoint: the entries recorded
 * before that instant were deleted on purpose. It may also have pruned the seals made
 * before that instant: then {@code pruned} holds a first line
 * {@code <id> <last_id> <signature>\n} of the last seal pruned, and that seal's open gaps
 * as further lines; verification starts after it.
 *
 * @param table the sealed table, {@code auditlog_logentry} or {@code auditlog_event}
 * @param id the seal's number in the chain of its table, from 1
 * @param created when it was made, at microseconds
 * @param entryCount the number of entries it seals
 * @param firstId the first id of the range it closes
 * @param lastId the last id of the range it closes, the high-water mark of its table
 * @param entries the ids, hashes and timestamps of the entries it seals
 * @param gaps the gaps open after it
 * @param previousSignature the signature of seal {@code id - 1}, empty for the first
 * @param keyId the id of the key that signed it; {@code ed25519:} starts the id of an
 * Ed25519 key
 * @param signature the signature of the canonical form, hexadecimal
 * @param deletedBefore for a retention checkpoint, the instant before which entries were
 * deleted; else {@code null}
 * @param pruned for a retention checkpoint that pruned the seals before it, the last seal
 * pruned and its open gaps; else {@code null}
 */
record Seal(String table, long id, Instant created, int entryCount, long firstId, long lastId, String entries,
		String gaps, String previousSignature, String keyId, String signature, @Nullable Instant deletedBefore,
		@Nullable String pruned) {

	static final String FORM = "auditlog_seal/2";

	/** The hash listed for a row sealed without a content hash, by its presence only. */
	static final String UNHASHED = "-";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	String form() {
		StringBuilder form = new StringBuilder(300);
		form.append("[\"").append(FORM).append("\",\"");
		JsonStringEncoder.getInstance().quoteAsString(this.table, form);
		form.append("\",").append(this.id).append(",\"");
		form.append(TIMESTAMP.format(this.created.truncatedTo(ChronoUnit.MICROS))).append("\",");
		form.append(this.entryCount).append(',').append(this.firstId).append(',').append(this.lastId).append(",\"");
		form.append(EntryHashes.sha256(this.entries)).append("\",\"");
		form.append(EntryHashes.sha256(this.gaps)).append("\",\"");
		JsonStringEncoder.getInstance().quoteAsString(this.previousSignature, form);
		form.append("\",\"");
		JsonStringEncoder.getInstance().quoteAsString(this.keyId, form);
		form.append("\",");
		if (this.deletedBefore != null) {
			form.append('"').append(TIMESTAMP.format(this.deletedBefore.truncatedTo(ChronoUnit.MICROS))).append('"');
		}
		else {
			form.append("null");
		}
		form.append(',');
		if (this.pruned != null) {
			form.append('"').append(EntryHashes.sha256(this.pruned)).append('"');
		}
		else {
			form.append("null");
		}
		form.append(']');
		return form.toString();
	}

	/**
	 * Read the entries: ids in the order given, with their hashes.
	 * @return the parsed entries, or {@code null} when the text is not in the seal's
	 * format
	 */
	@Nullable Listed listed() {
		int lines = lines(this.entries);
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
				if (line > 0 && ids[line] <= ids[line - 1]) {
					return null;
				}
				start = end + 1;
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return new Listed(ids, hashes, timestamps);
	}

	/**
	 * Read the open gaps.
	 * @return the gaps in id order, or {@code null} when the text is not in the seal's
	 * format
	 */
	@Nullable List<Gap> openGaps() {
		return Gap.parse(this.gaps);
	}

	/**
	 * Read what a retention checkpoint pruned.
	 * @return the last seal pruned and its open gaps, or {@code null} when nothing was
	 * pruned or the text is not in the seal's format
	 */
	@Nullable Pruned prunedSeals() {
		if (this.pruned == null) {
			return null;
		}
		int end = this.pruned.indexOf('\n');
		if (end < 0) {
			return null;
		}
		String[] first = this.pruned.substring(0, end).split(" ");
		List<Gap> gaps = Gap.parse(this.pruned.substring(end + 1));
		if (first.length != 3 || gaps == null) {
			return null;
		}
		try {
			return new Pruned(Long.parseLong(first[0]), Long.parseLong(first[1]), first[2], gaps);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The last seal a retention checkpoint pruned: verification starts after it.
	 *
	 * @param id its id
	 * @param lastId the last id of its range
	 * @param signature its signature, which the first seal kept carries
	 * @param gaps its open gaps
	 */
	record Pruned(long id, long lastId, String signature, List<Gap> gaps) {

		static String text(long id, long lastId, String signature, String gaps) {
			return id + " " + lastId + " " + signature + "\n" + gaps;
		}

	}

	private static int lines(String text) {
		int lines = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

	/**
	 * Return an instant as microseconds since the epoch, as entries are listed.
	 * @param instant the instant
	 * @return the microseconds
	 */
	static long micros(Instant instant) {
		// not ChronoUnit.MICROS.between: it counts nanoseconds first, which a long holds
		// only
		// up to 2262. Instants beyond ±292,000 years of the epoch have no microsecond
		// count
		// in a long: they are held at its bounds rather than failing a verification for
		// good
		long seconds = instant.getEpochSecond();
		if (seconds >= Long.MAX_VALUE / 1_000_000) {
			return Long.MAX_VALUE;
		}
		if (seconds <= Long.MIN_VALUE / 1_000_000) {
			return Long.MIN_VALUE;
		}
		return seconds * 1_000_000 + instant.getNano() / 1_000;
	}

	/**
	 * The entries of a seal: ids in ascending order, with their hashes and timestamps (in
	 * microseconds since the epoch).
	 */
	record Listed(long[] ids, String[] hashes, long[] timestamps) {

		boolean contains(long id) {
			return java.util.Arrays.binarySearch(this.ids, id) >= 0;
		}

	}

	/**
	 * A run of ids that were not visible when a seal was made.
	 *
	 * @param first the first id
	 * @param last the last id, at least the first
	 * @param opened when it was first seen, in microseconds since the epoch
	 */
	record Gap(long first, long last, long opened) {

		static String text(List<Gap> gaps) {
			StringBuilder text = new StringBuilder();
			for (Gap gap : gaps) {
				text.append(gap.first).append(' ').append(gap.last).append(' ').append(gap.opened).append('\n');
			}
			return text.toString();
		}

		static @Nullable List<Gap> parse(String text) {
			List<Gap> gaps = new ArrayList<>();
			int start = 0;
			try {
				while (start < text.length()) {
					int end = text.indexOf('\n', start);
					String[] parts = text.substring(start, end).split(" ");
					if (parts.length != 3) {
						return null;
					}
					Gap gap = new Gap(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
					if (gap.last < gap.first || (!gaps.isEmpty() && gap.first <= gaps.get(gaps.size() - 1).last)) {
						return null;
					}
					gaps.add(gap);
					start = end + 1;
				}
			}
			catch (RuntimeException ex) {
				return null;
			}
			return gaps;
		}

		static boolean contains(List<Gap> gaps, long id) {
			int low = 0;
			int high = gaps.size() - 1;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				Gap gap = gaps.get(middle);
				if (id < gap.first) {
					high = middle - 1;
				}
				else if (id > gap.last) {
					low = middle + 1;
				}
				else {
					return true;
				}
			}
			return false;
		}

	}

}
