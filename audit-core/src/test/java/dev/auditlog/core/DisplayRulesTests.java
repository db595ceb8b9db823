package dev.auditlog.core;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayRulesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "unitPrice, Unit price", "unit_price, Unit price", "unit-price, Unit price",
			"address.city, Address city", "name, Name", "createdAt, Created at", "address2Line, Address2 line",
			"shipping_address.postCode, Shipping address post code", "_private, Private" })
	void humanize(String field, String label) {
		assertThat(DisplayRules.humanize(field)).isEqualTo(label);
	}

	@Test
	void humanizeKeepsANameOfSeparatorsOnly() {
		assertThat(DisplayRules.humanize("_")).isEqualTo("_");
		assertThat(DisplayRules.humanize("")).isEmpty();
	}

	@Test
	void defaultRulesHumanizeAndCutAt140() {
		assertThat(DisplayRules.DEFAULT.label("unitPrice")).isEqualTo("Unit price");
		assertThat(DisplayRules.DEFAULT.maxLength()).isEqualTo(140);
	}

	@Test
	void valueOfNullIsNull() {
		assertThat(DisplayRules.DEFAULT.value("name", null)).isNull();
	}

	@Test
	void valueLabelIsCutToo() {
		DisplayRules rules = new DisplayRules(Map.of(), Map.of("size", Map.of("L", "Large")), 3);
		assertThat(rules.value("size", "L")).isEqualTo("Lar…");
	}

	@Test
	void valueOfExactlyMaxLengthIsKept() {
		DisplayRules rules = DisplayRules.DEFAULT.withMaxLength(3);
		assertThat(rules.value("x", "abc")).isEqualTo("abc");
		assertThat(rules.value("x", "abcd")).isEqualTo("abc…");
		assertThat(rules.value("x", "")).isEmpty();
	}

	@Test
	void withMaxLengthKeepsTheLabels() {
		DisplayRules rules = new DisplayRules(Map.of("a", "A"), Map.of(), 10).withMaxLength(5);
		assertThat(rules.label("a")).isEqualTo("A");
		assertThat(rules.maxLength()).isEqualTo(5);
	}

}
