package dev.auditlog.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Normalises client addresses to one spelling per address, so that the
 * {@code remote_addr} column holds an IP address and nothing else.
 * <ul>
 * <li>A port, the brackets around an IPv6 address ({@code [2001:db8::1]:51234}), an IPv6
 * zone ({@code fe80::1%eth0}) and surrounding quotes or blanks are dropped.</li>
 * <li>IPv4 is written in dotted decimal ({@code 203.0.113.9}); an octet with a leading
 * zero is refused rather than guessed (some parsers read it as octal).</li>
 * <li>IPv6 is written as RFC 5952 recommends: lower case, no leading zeros, the longest
 * run of two or more zero groups as {@code ::} ({@code 2001:db8:85a3::8a2e:370:7334}). An
 * IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.9}) is written as the IPv4 address it
 * maps, so one client has one spelling.</li>
 * <li>Anything else — a host name, a list ({@code "a, b"}), {@code unknown}, a proxy's
 * obfuscated identifier ({@code _hidden}) — is not an address: {@code null}.</li>
 * </ul>
 * Host names are never resolved: normalising makes no DNS query.
 *
 * @since 0.1.0
 */
public final class ClientAddress {

	/** The longest normalised address: a full IPv6 address, 39 characters. */
	public static final int MAX_LENGTH = 39;

	/**
	 * The last address normalised and its result: the entries of one request, and the
	 * rows of one page read back, share one address, so each is parsed once.
	 */
	private static volatile Normalized last = new Normalized("", null);

	private ClientAddress() {
	}

	/**
	 * Return the normalised spelling of a client address.
	 * @param address the address as a request or a proxy header reports it, or
	 * {@code null}
	 * @return the address in its one spelling, or {@code null} when the input is not an
	 * IP address
	 */
	public static @Nullable String normalize(@Nullable String address) {
		if (address == null) {
			return null;
		}
		Normalized cached = last;
		if (cached.input().equals(address)) {
			return cached.output();
		}
		String normalized = parse(address);
		last = new Normalized(address, normalized);
		return normalized;
	}

	private static @Nullable String parse(String address) {
		String text = address.strip();
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			text = text.substring(1, text.length() - 1).strip();
		}
		if (text.isEmpty() || text.length() > 100) {
			return null;
		}
		if (text.startsWith("[")) {
			int close = text.indexOf(']');
			if (close < 0 || !isPortOrNothing(text, close + 1)) {
				return null;
			}
			return ipv6(text.substring(1, close));
		}
		int colon = text.indexOf(':');
		if (colon < 0) {
			return ipv4(text);
		}
		if (text.indexOf(':', colon + 1) < 0) {
			// one colon: an IPv4 address with a port
			return isPortOrNothing(text, colon) ? ipv4(text.substring(0, colon)) : null;
		}
		return ipv6(text);
	}

	private static boolean isPortOrNothing(String text, int from) {
		if (from == text.length()) {
			return true;
		}
		if (text.charAt(from) != ':' || from + 1 == text.length() || text.length() - from - 1 > 5) {
			return false;
		}
		for (int i = from + 1; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String ipv4(String text) {
		int[] octets = octets(text);
		if (octets == null) {
			return null;
		}
		return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
	}

	private static int @Nullable [] octets(String text) {
		int[] octets = new int[4];
		int octet = 0;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '.') {
				int length = i - start;
				if (octet == 4 || length == 0 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
					return null;
				}
				int value = 0;
				for (int j = start; j < i; j++) {
					char c = text.charAt(j);
					if (c < '0' || c > '9') {
						return null;
					}
					value = value * 10 + (c - '0');
				}
				if (value > 255) {
					return null;
				}
				octets[octet++] = value;
				start = i + 1;
			}
		}
		return (octet == 4) ? octets : null;
	}

	private static @Nullable String ipv6(String text) {
		int zone = text.indexOf('%');
		String literal = (zone >= 0) ? text.substring(0, zone) : text;
		if (literal.isEmpty() || literal.indexOf(':') < 0) {
			return null;
		}
		if (!isIpv6Text(literal)) {
			return null;
		}
		InetAddress parsed;
		try {
			// brackets make the JDK treat the text as an IPv6 literal only: no name
			// lookup
			parsed = InetAddress.getByName("[" + literal + "]");
		}
		catch (UnknownHostException | RuntimeException ex) {
			return null;
		}
		if (parsed instanceof Inet4Address) {
			return parsed.getHostAddress();
		}
		if (parsed instanceof Inet6Address) {
			return rfc5952(parsed.getAddress());
		}
		return null;
	}

	/**
	 * Return whether the text has the shape RFC 4291 gives an IPv6 address: groups of one
	 * to four hex digits separated by colons, at most one {@code ::}, and an IPv4 address
	 * in dotted decimal as the last group only. The JDK's parser accepts more (a group of
	 * five digits such as {@code 00001}).
	 */
	private static boolean isIpv6Text(String text) {
		int doubleColon = text.indexOf("::");
		if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
			return false;
		}
		String[] groups = text.split(":", -1);
		for (int i = 0; i < groups.length; i++) {
			String group = groups[i];
			if (group.isEmpty()) {
				continue;
			}
			if (group.indexOf('.') >= 0) {
				if (i != groups.length - 1 || octets(group) == null) {
					return false;
				}
				continue;
			}
			if (group.length() > 4) {
				return false;
			}
			for (int j = 0; j < group.length(); j++) {
				if (Character.digit(group.charAt(j), 16) < 0) {
					return false;
				}
			}
		}
		return true;
	}

	private static String rfc5952(byte[] address) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8; i++) {
			if (groups[i] == 0) {
				int end = i;
				while (end < 8 && groups[end] == 0) {
					end++;
				}
				if (end - i > bestLength) {
					bestStart = i;
					bestLength = end - i;
				}
				i = end;
			}
		}
		StringBuilder text = new StringBuilder(MAX_LENGTH);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

	private record Normalized(String input, @Nullable String output) {

	}

}
