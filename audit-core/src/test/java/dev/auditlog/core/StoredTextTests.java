package dev.auditlog.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StoredTextTests {

	@Test
	void cleanReplacesNulAndUnpairedSurrogates() {
		assertThat(StoredText.clean("line1\u0000line2")).isEqualTo("line1\uFFFDline2");
		assertThat(StoredText.clean("a\uD800b")).isEqualTo("a\uFFFDb");
		assertThat(StoredText.clean("a\uDC00b")).isEqualTo("a\uFFFDb");
		assertThat(StoredText.clean("end\uD83D")).isEqualTo("end\uFFFD");
		assertThat(StoredText.clean("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
	}

	@Test
	void cleanKeepsEverythingElseAndTheInstance() {
		String text = "tab\t nl\n bell\u0007 del\u007f emoji😀 bom\uFEFF nonchar\uFFFF";
		assertThat(StoredText.clean(text)).isSameAs(text);
	}

	@Test
	void fitKeepsShortTexts() {
		assertThat(StoredText.fit("x".repeat(255), 255)).isEqualTo("x".repeat(255));
	}

	@Test
	void fitCutsLongTextsWithTheirLengthAndDigest() {
		String fitted = StoredText.fit("x".repeat(10_485_760), 255);
		assertThat(fitted).hasSize(255)
			.startsWith("xxxx")
			.endsWith("…[cut: 10485760 chars, sha256 " + StoredText.digest("x".repeat(10_485_760)) + "]");
		assertThat(StoredText.isCut(fitted)).isTrue();
		assertThat(StoredText.isCut("x".repeat(10))).isFalse();
	}

	@Test
	void differentLongTextsWithTheSamePrefixStayDifferent() {
		String prefix = "p".repeat(1000);
		assertThat(StoredText.fit(prefix + "a", 255)).isNotEqualTo(StoredText.fit(prefix + "b", 255));
	}

	@Test
	void fitNeverSplitsASurrogatePair() {
		for (int length = 200; length < 320; length++) {
			String fitted = StoredText.fit("😀".repeat(length), 255);
			assertThat(fitted.length()).isLessThanOrEqualTo(255);
			assertThat(StoredText.clean(fitted)).isSameAs(fitted);
		}
	}

	@Test
	void fitNeedsRoomForItsMarker() {
		assertThatIllegalArgumentException().isThrownBy(() -> StoredText.fit("x", 10)).withMessageContaining("64");
	}

	@Test
	void anyTextFitsAndFittingIsIdempotent() {
		long seed = 4242L;
		Random random = new Random(seed);
		for (int i = 0; i < 3000; i++) {
			String text = randomText(random, random.nextInt(600));
			int max = 64 + random.nextInt(300);
			String fitted = StoredText.fit(text, max);
			assertThat(fitted.length()).as("seed %d, try %d", seed, i).isLessThanOrEqualTo(max);
			assertThat(StoredText.clean(fitted)).as("seed %d, try %d: clean", seed, i).isSameAs(fitted);
			assertThat(fitted.indexOf('\u0000')).isNegative();
			assertThat(StoredText.fit(fitted, max)).as("seed %d, try %d: idempotent", seed, i).isEqualTo(fitted);
			if (StoredText.clean(text).length() <= max) {
				assertThat(fitted).isEqualTo(StoredText.clean(text));
			}
		}
	}

	@Test
	void fitJsonCleansKeysAndFitsStringValuesAtAnyDepth() {
		Map<String, Object> data = Map.of("k\u0000", List.of("v\u0000", 42, true, Map.of("n", "x".repeat(100))));
		Object fitted = StoredText.fitJson(data, 64);
		assertThat(fitted).isEqualTo(Map.of("k\uFFFD",
				Arrays.asList("v\uFFFD", 42, true, Map.of("n", StoredText.fit("x".repeat(100), 64)))));
		Map<String, Object> clean = Map.of("k", List.of("v", 1));
		assertThat(StoredText.fitJson(clean, 64)).isSameAs(clean);
	}

	static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(switch (random.nextInt(8)) {
				case 0 -> (char) random.nextInt(0x20);
				case 1 -> (char) (0xD800 + random.nextInt(0x800));
				case 2 -> "😀";
				case 3 -> (char) random.nextInt(0x10000);
				case 4 -> '\u0000';
				default -> (char) (0x20 + random.nextInt(0x5f));
			});
		}
		return text.toString();
	}

}
