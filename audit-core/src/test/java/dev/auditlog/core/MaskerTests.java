package dev.auditlog.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskerTests {

	private final Masker masker = Masker.firstHalf();

	@ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
	@CsvSource(delimiter = '|', emptyValue = "", quoteCharacter = '\'', textBlock = """
			secret12 | ****et12
			''       | ''
			a        | *
			ab       | *b
			abc      | *bc
			abcd     | **cd
			abcde    | **cde
			""")
	void maskingHidesTheFirstHalfRoundedDownAndAtLeastOneCharacter(String value, String masked) {
		assertThat(this.masker.mask(value)).isEqualTo(masked);
	}

	@ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			😀😀😀😀 | **😀😀
			😀😀😀   | *😀😀
			😀       | *
			a😀      | *😀
			😀abc    | **bc
			ab😀😀😀  | **😀😀😀
			""")
	void maskingCountsCodePoints(String value, String masked) {
		assertThat(this.masker.mask(value)).isEqualTo(masked);
	}

	@Test
	void maskedValueKeepsItsNumberOfCharacters() {
		String value = "Zoë's 🔑 is 0123456789";
		String masked = this.masker.mask(value);
		assertThat(masked.codePointCount(0, masked.length())).isEqualTo(value.codePointCount(0, value.length()));
		assertThat(masked).startsWith("**********").endsWith("0123456789");
	}

	@Test
	void maskingNeverLeavesAnUnpairedSurrogate() {
		String masked = this.masker.mask("😀".repeat(7));
		assertThat(masked).isEqualTo("***" + "😀".repeat(4));
		assertThat(masked.codePoints().noneMatch((c) -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
			.isTrue();
	}

}
