package dev.auditlog.spring.fitting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Seeded generators of what users and clients send: text of any UTF-16 code units (NUL,
 * control characters, unpaired surrogates, emoji), lengths around every limit, header
 * values and client addresses in every spelling proxies write, and junk.
 */
final class RandomInputs {

	private static final int[] LIMITS = { 39, 45, 64, 255, 65_536 };

	private final Random random;

	RandomInputs(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return this.random;
	}

	/** A length near one of the limits, or a small one. */
	int length() {
		if (this.random.nextInt(4) == 0) {
			return this.random.nextInt(20);
		}
		int limit = LIMITS[this.random.nextInt(LIMITS.length)];
		return Math.max(0, limit - 3 + this.random.nextInt(7));
	}

	/** Text of any code units. */
	String anyText(int length) {
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			switch (this.random.nextInt(10)) {
				case 0 -> text.append('\u0000');
				case 1 -> text.append((char) this.random.nextInt(0x20));
				case 2 -> text.append((char) (0xD800 + this.random.nextInt(0x800)));
				case 3 -> text.appendCodePoint(0x1F600 + this.random.nextInt(80));
				case 4 -> text.append((char) (0x80 + this.random.nextInt(0xD800 - 0x80)));
				default -> text.append((char) (0x20 + this.random.nextInt(0x5f)));
			}
		}
		return (text.length() > length) ? text.substring(0, length) : text.toString();
	}

	/** Text a database column can store as it is: no NUL, no unpaired surrogate. */
	String storableText(int length) {
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			switch (this.random.nextInt(6)) {
				case 0 -> text.append((char) (1 + this.random.nextInt(0x1f)));
				case 1 -> {
					if (text.length() + 2 <= length) {
						text.appendCodePoint(0x1F600 + this.random.nextInt(80));
					}
				}
				case 2 -> text.append((char) (0x80 + this.random.nextInt(0xD800 - 0x80)));
				default -> text.append((char) (0x21 + this.random.nextInt(0x5e)));
			}
		}
		return text.toString();
	}

	/**
	 * A value the JDK's HTTP client sends as it is in a header: visible ASCII (it sends
	 * other characters as {@code ?}).
	 */
	String headerText(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (0x21 + this.random.nextInt(0x5e)));
		}
		return text.toString();
	}

	/** An IPv4 or IPv6 address, many with runs of zero groups. */
	InetAddress address() {
		byte[] bytes = new byte[this.random.nextBoolean() ? 4 : 16];
		this.random.nextBytes(bytes);
		if (bytes.length == 16 && this.random.nextBoolean()) {
			int from = this.random.nextInt(16);
			for (int i = from; i < Math.min(16, from + this.random.nextInt(12)); i++) {
				bytes[i] = 0;
			}
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One way a proxy or a client spells the address: bare, upper case, with a port, in
	 * brackets, IPv4-mapped, with a zone, in full with leading zeros.
	 */
	String spelling(InetAddress address) {
		String text = address.getHostAddress();
		boolean v6 = text.contains(":");
		if (v6) {
			text = switch (this.random.nextInt(3)) {
				case 0 -> text.toUpperCase(Locale.ROOT);
				case 1 -> fullV6(address.getAddress());
				default -> text;
			};
		}
		else if (this.random.nextInt(4) == 0) {
			text = "::ffff:" + text;
			v6 = true;
		}
		return switch (this.random.nextInt(4)) {
			case 0 -> v6 ? "[" + text + "]:" + this.random.nextInt(65_536) : text + ":" + this.random.nextInt(65_536);
			case 1 -> v6 ? "[" + text + "]" : text;
			case 2 -> v6 ? text + "%eth" + this.random.nextInt(3) : text;
			default -> text;
		};
	}

	/** Something that is no single IP address. */
	String notAnAddress() {
		return switch (this.random.nextInt(6)) {
			case 0 -> "unknown";
			case 1 -> "_hidden" + this.random.nextInt(100);
			case 2 -> "proxy.example.com";
			case 3 -> this.random.nextInt(256) + "." + this.random.nextInt(256) + "." + (256 + this.random.nextInt(100))
					+ ".1";
			case 4 -> headerText(this.random.nextInt(60)).replace(":", "").replace(".", "");
			default -> "[" + headerText(this.random.nextInt(50)) + "]:1";
		};
	}

	private static String fullV6(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 16; i += 2) {
			if (i > 0) {
				text.append(':');
			}
			text.append(String.format("%04x", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
		}
		return text.toString();
	}

	<T> @Nullable T orNull(T value) {
		return (this.random.nextInt(6) == 0) ? null : value;
	}

}
