package dev.auditlog.spring.fitting;

import java.net.InetAddress;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises of a stored text, checked without the starter's own code: a
 * text that has only storable characters and fits is stored exactly as written; otherwise
 * it has the same characters where it is kept, U+FFFD where the input had NUL or an
 * unpaired surrogate, and, when it was too long, a marker of its full length and digest.
 */
final class StoredForm {

	private static final String MARKER_START = "…[cut: ";

	private StoredForm() {
	}

	static void assertStored(String what, @Nullable String input, @Nullable String stored, int limit, boolean marked) {
		if (input == null) {
			assertThat(stored).as(what).isNull();
			return;
		}
		assertThat(stored).as(what).isNotNull();
		String problem = problem(input, stored, limit, marked);
		assertThat(problem).as(() -> what + ": input " + escape(input) + " stored as " + escape(stored)).isNull();
	}

	private static @Nullable String problem(String input, String stored, int limit, boolean marked) {
		if (stored.length() > limit) {
			return "longer than " + limit;
		}
		if (isStorable(input) && input.length() <= limit) {
			return stored.equals(input) ? null : "not stored as written";
		}
		String kept = stored;
		if (input.length() > limit && marked) {
			int marker = stored.lastIndexOf(MARKER_START);
			if (marker < 0) {
				return "no cut marker";
			}
			String expectedMarker = "…[cut: " + input.codePointCount(0, input.length()) + " chars, sha256 ";
			String actualMarker = stored.substring(marker);
			if (!actualMarker.startsWith(expectedMarker) || !actualMarker.endsWith("]")
					|| actualMarker.length() != expectedMarker.length() + 17) {
				return "marker " + actualMarker + " is not " + expectedMarker + "<16 hex digits>]";
			}
			kept = stored.substring(0, marker);
		}
		else if (input.length() <= limit && stored.length() != input.length()) {
			return "cut although it fits";
		}
		for (int i = 0; i < kept.length(); i++) {
			char expected = input.charAt(i);
			char actual = kept.charAt(i);
			if (expected != actual && (actual != '\uFFFD' || !(expected == 0 || Character.isSurrogate(expected)))) {
				return "character " + i + " is " + (int) actual + " instead of " + (int) expected;
			}
		}
		return isStorable(stored) ? null : "holds NUL or an unpaired surrogate";
	}

	static boolean isStorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	static void assertAddress(String what, @Nullable InetAddress expected, @Nullable String stored) throws Exception {
		if (expected == null) {
			assertThat(stored).as(what).isNull();
			return;
		}
		assertThat(stored).as(what).isNotNull();
		assertThat(stored.length()).as(what).isLessThanOrEqualTo(39);
		assertThat(stored).as(what + ": lower case").isEqualTo(stored.toLowerCase(Locale.ROOT));
		assertThat(stored).as(what + ": no port, no brackets").doesNotContain("[", "]", "%");
		InetAddress parsed = InetAddress.getByName(stored.contains(":") ? "[" + stored + "]" : stored);
		assertThat(parsed).as(what + ": same address").isEqualTo(expected);
	}

	static String escape(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder escaped = new StringBuilder();
		int shown = Math.min(text.length(), 300);
		for (int i = 0; i < shown; i++) {
			char c = text.charAt(i);
			escaped.append((c < 0x20 || c > 0x7e) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return escaped + ((text.length() > shown) ? "… (" + text.length() + " chars)" : "");
	}

}
