package dev.auditlog.core;

import java.net.InetAddress;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			203.0.113.9                                        | 203.0.113.9
			 203.0.113.9                                       | 203.0.113.9
			203.0.113.9:51234                                  | 203.0.113.9
			"203.0.113.9"                                      | 203.0.113.9
			0.0.0.0                                            | 0.0.0.0
			255.255.255.255                                    | 255.255.255.255
			[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:51234    | 2001:db8:85a3::8a2e:370:7334
			2001:0DB8:85A3:0000:0000:8A2E:0370:7334            | 2001:db8:85a3::8a2e:370:7334
			[2001:db8::1]                                      | 2001:db8::1
			"[2001:db8::1]:4711"                               | 2001:db8::1
			2001:db8:0:0:1:0:0:1                               | 2001:db8::1:0:0:1
			2001:0:0:1:0:0:0:1                                 | 2001:0:0:1::1
			2001:db8:0:1:1:1:1:1                               | 2001:db8:0:1:1:1:1:1
			0:0:0:0:0:0:0:1                                    | ::1
			::                                                 | ::
			1::                                                | 1::
			fe80::1%eth0                                       | fe80::1
			[fe80::1%25eth0]:80                                | fe80::1
			::ffff:203.0.113.9                                 | 203.0.113.9
			[::ffff:cb00:7109]:1                               | 203.0.113.9
			2001:db8::203.0.113.9                              | 2001:db8::cb00:7109
			""")
	void addressesAreWrittenInTheirOneSpelling(String input, String normalized) {
		assertThat(ClientAddress.normalize(input)).isEqualTo(normalized);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "unknown", "_hidden", "localhost", "example.com", "203.0.113.9, 10.0.0.1",
			"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.4:", "1.2.3.4:123456", "1.2.3.4:x", "[::1", "[::1]x",
			"[::1]:", "1:2", "1::2::3", "g::1", "2001:db8::1:2:3:4:5:6:7", "abc", "[abc]", "::1\u0000", "\uD800",
			"1.2.3.4\u0000", "12345678901234567890", "2001:db8::00001", "::ffff:1.2.3.04", "1:2:3:4:5:6:7:8:9",
			"1:2:3:4:5:6:7::8:9", "::1.2.3.4:5", "1.2.3.4::", "2001:db8:::1", "fffff::1" })
	void whatIsNoAddressIsNull(String input) {
		assertThat(ClientAddress.normalize(input)).isNull();
	}

	@Test
	void nullIsNull() {
		assertThat(ClientAddress.normalize(null)).isNull();
	}

	@Test
	void anyAddressKeepsItsValueAndFitsTheColumn() throws Exception {
		long seed = 20261130L;
		Random random = new Random(seed);
		for (int i = 0; i < 2000; i++) {
			byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
			random.nextBytes(bytes);
			if (random.nextInt(4) == 0) {
				for (int j = random.nextInt(bytes.length); j < bytes.length && j < 12; j++) {
					bytes[j] = 0;
				}
			}
			InetAddress address = InetAddress.getByAddress(bytes);
			String spelled = spell(address, random);
			String normalized = ClientAddress.normalize(spelled);
			assertThat(normalized).as("seed %d, input %s", seed, spelled).isNotNull();
			assertThat(normalized.length()).isLessThanOrEqualTo(ClientAddress.MAX_LENGTH);
			assertThat(InetAddress.getByName(normalized.contains(":") ? "[" + normalized + "]" : normalized))
				.as("seed %d, input %s", seed, spelled)
				.isEqualTo(address);
			assertThat(ClientAddress.normalize(normalized)).as("idempotent").isEqualTo(normalized);
			assertThat(normalized).isEqualTo(normalized.toLowerCase(java.util.Locale.ROOT));
		}
	}

	private static String spell(InetAddress address, Random random) {
		String text = address.getHostAddress();
		if (text.contains(":") && random.nextBoolean()) {
			text = text.toUpperCase(java.util.Locale.ROOT);
		}
		return switch (random.nextInt(3)) {
			case 0 -> text;
			case 1 ->
				text.contains(":") ? "[" + text + "]:" + random.nextInt(65536) : text + ":" + random.nextInt(65536);
			default -> "  " + text + " ";
		};
	}

}
