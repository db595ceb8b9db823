package dev.auditlog.spring.monitoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a request that suspicious-request rules inspect, cut to a bounded length
 * before anything is matched, with a normalised form of its URL that signatures are
 * matched against.
 *
 * @since 0.1.0
 */
public final class InspectedRequest {

	/**
	 * Number of characters of the path, the query string and the user agent kept for
	 * inspection; the rest is not inspected.
	 */
	public static final int MAX_INSPECTED_LENGTH = 8192;

	private final String method;

	private final String path;

	private final @Nullable String query;

	private final @Nullable String userAgent;

	private final long urlLength;

	private @Nullable String normalizedUrl;

	/**
	 * Create a request to inspect.
	 * @param method the HTTP method
	 * @param path the request URI as received: not decoded, without the query string
	 * @param query the query string as received, or {@code null}
	 * @param userAgent the {@code User-Agent} header, or {@code null}
	 */
	public InspectedRequest(String method, String path, @Nullable String query, @Nullable String userAgent) {
		this.method = method;
		this.urlLength = (long) path.length() + ((query != null) ? query.length() + 1 : 0);
		this.path = cut(path);
		this.query = (query != null) ? cut(query) : null;
		this.userAgent = (userAgent != null) ? cut(userAgent) : null;
	}

	private static String cut(String value) {
		return (value.length() > MAX_INSPECTED_LENGTH) ? value.substring(0, MAX_INSPECTED_LENGTH) : value;
	}

	/**
	 * Return the HTTP method.
	 * @return the method, such as {@code GET}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the request URI as received, cut to {@value #MAX_INSPECTED_LENGTH}
	 * characters.
	 * @return the path, not decoded
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return the query string as received, cut to {@value #MAX_INSPECTED_LENGTH}
	 * characters.
	 * @return the query string, or {@code null} when the request has none
	 */
	public @Nullable String query() {
		return this.query;
	}

	/**
	 * Return the {@code User-Agent} header, cut to {@value #MAX_INSPECTED_LENGTH}
	 * characters.
	 * @return the user agent, or {@code null} when the request names none
	 */
	public @Nullable String userAgent() {
		return this.userAgent;
	}

	/**
	 * Return the length of the path and query string before they were cut.
	 * @return the number of characters of the URL the client sent
	 */
	public long urlLength() {
		return this.urlLength;
	}

	/**
	 * Return the path and query string percent-decoded twice (so that double encodings
	 * such as {@code %252e} are seen too), in lower case, with backslashes as slashes,
	 * SQL block comments and runs of whitespace as one space, and {@code +} as a space
	 * (before and after each decoding). Malformed escapes are kept as they are.
	 * @return the normalised URL
	 */
	public String normalizedUrl() {
		String normalized = this.normalizedUrl;
		if (normalized == null) {
			String url = (this.query != null) ? this.path + "?" + this.query : this.path;
			normalized = normalize(decode(decode(url.replace('+', ' ')).replace('+', ' ')));
			this.normalizedUrl = normalized;
		}
		return normalized;
	}

	/**
	 * Percent-decode as UTF-8, keeping malformed escapes as they are.
	 */
	static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		StringBuilder decoded = new StringBuilder(value.length());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
				bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
				i += 3;
				continue;
			}
			if (bytes.size() > 0) {
				decoded.append(bytes.toString(StandardCharsets.UTF_8));
				bytes.reset();
			}
			decoded.append(c);
			i++;
		}
		if (bytes.size() > 0) {
			decoded.append(bytes.toString(StandardCharsets.UTF_8));
		}
		return decoded.toString();
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

	private static String normalize(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		StringBuilder normalized = new StringBuilder(lower.length());
		boolean space = false;
		int i = 0;
		while (i < lower.length()) {
			char c = lower.charAt(i);
			if (c == '/' && i + 1 < lower.length() && lower.charAt(i + 1) == '*') {
				int end = lower.indexOf("*/", i + 2);
				i = (end < 0) ? lower.length() : end + 2;
				space = true;
				continue;
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = true;
				i++;
				continue;
			}
			if (space && normalized.length() > 0) {
				normalized.append(' ');
			}
			space = false;
			normalized.append((c == '\\') ? '/' : c);
			i++;
		}
		return normalized.toString();
	}

}
