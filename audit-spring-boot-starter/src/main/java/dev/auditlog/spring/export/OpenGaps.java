package dev.auditlog.spring.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids at or below a stream's progress that were not visible when the relay passed
 * them: transactions still in flight, or rolled back. Written as integrity seals write
 * theirs ({@code dev.auditlog.spring.integrity.Seal}), one line per run of ids,
 * {@code <first id> <last id> <microseconds since the epoch when first seen>\n}, in id
 * order.
 */
final class OpenGaps {

	private OpenGaps() {
	}

	static String text(List<Gap> gaps) {
		StringBuilder text = new StringBuilder();
		for (Gap gap : gaps) {
			text.append(gap.first()).append(' ').append(gap.last()).append(' ').append(gap.opened()).append('\n');
		}
		return text.toString();
	}

	/**
	 * Read gaps written by {@link #text}.
	 * @param text the text, possibly empty
	 * @return the gaps in id order
	 * @throws IllegalStateException when the text is not of that form
	 */
	static List<Gap> parse(String text) {
		List<Gap> gaps = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.strip().split(" ");
			try {
				if (parts.length != 3) {
					throw new NumberFormatException("3 numbers expected");
				}
				Gap gap = new Gap(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
				if (gap.last() < gap.first() || (!gaps.isEmpty() && gap.first() <= gaps.get(gaps.size() - 1).last())) {
					throw new NumberFormatException("gaps out of order");
				}
				gaps.add(gap);
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("Bad gap '" + line + "' in auditlog_export.gaps: " + ex.getMessage(),
						ex);
			}
		}
		return gaps;
	}

	/**
	 * A run of ids not visible, from {@code first} to {@code last} inclusive, first seen
	 * at {@code opened} (microseconds since the epoch).
	 */
	record Gap(long first, long last, long opened) {

	}

}
