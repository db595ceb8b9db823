package dev.auditlog.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.auditlog.core.FkRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFormatterTests {

	private static final Instant INSTANT = Instant.parse("2024-03-01T08:15:30Z");

	private final ValueFormatter formatter = new ValueFormatter();

	private String format(Object value) {
		return this.formatter.format(value, FkRepresentation.ID);
	}

	@Test
	void nullStaysNull() {
		assertThat(this.formatter.format(null, FkRepresentation.ID)).isNull();
		assertThat(this.formatter.format(null, FkRepresentation.STRING)).isNull();
	}

	@Test
	void stringIsKeptExactly() {
		String value = "He said \"hi\"\n\ttab \\ é 😀";
		assertThat(format(value)).isEqualTo(value);
		assertThat(format("")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "12.50, 12.50", "1E+3, 1000", "1.5E+2, 150", "1E-10, 0.0000000001", "-0.00, 0.00", "0, 0" })
	void bigDecimalInPlainNotationKeepingItsScale(String input, String expected) {
		assertThat(format(new BigDecimal(input))).isEqualTo(expected);
	}

	@Test
	void bigDecimalsAreComparedNumerically() {
		assertThat(this.formatter.same(new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
		assertThat(this.formatter.same(new BigDecimal("1E+3"), new BigDecimal("1000"))).isTrue();
		assertThat(this.formatter.same(new BigDecimal("1.0"), new BigDecimal("1.01"))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "12.5, 12.5", "1.0, 1.0", "0.1, 0.1", "1.0E10, 10000000000", "1.23456789E8, 123456789",
			"1.0E-5, 0.00001", "1.25E-7, 0.000000125", "-2.5E12, -2500000000000", "NaN, NaN", "Infinity, Infinity",
			"-Infinity, -Infinity" })
	void doubleInPlainNotation(double input, String expected) {
		assertThat(format(input)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0.1, 0.1", "12.5, 12.5", "1.0E10, 10000000000", "3.0E-6, 0.000003" })
	void floatInPlainNotationWithoutDoublePrecisionNoise(float input, String expected) {
		assertThat(format(input)).isEqualTo(expected);
	}

	@Test
	void integralNumbersAsDigits() {
		assertThat(format(42)).isEqualTo("42");
		assertThat(format(-7L)).isEqualTo("-7");
		assertThat(format(new BigInteger("123456789012345678901234567890")))
			.isEqualTo("123456789012345678901234567890");
	}

	@Test
	void booleansAsTrueAndFalse() {
		assertThat(format(true)).isEqualTo("true");
		assertThat(format(Boolean.FALSE)).isEqualTo("false");
	}

	@Test
	void enumByNameEvenWhenToStringIsOverridden() {
		assertThat(format(Colour.DARK_RED)).isEqualTo("DARK_RED");
	}

	@Test
	void instantInIsoUtc() {
		assertThat(format(INSTANT)).isEqualTo("2024-03-01T08:15:30Z");
		assertThat(format(Instant.parse("2024-03-01T08:15:30.123456789Z"))).isEqualTo("2024-03-01T08:15:30.123456789Z");
	}

	@Test
	void offsetDateTimeNormalizedToUtc() {
		OffsetDateTime paris = OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2));
		assertThat(format(paris)).isEqualTo("2024-03-01T08:15:30Z");
	}

	@Test
	void zonedDateTimeNormalizedToUtc() {
		ZonedDateTime tokyo = INSTANT.atZone(ZoneId.of("Asia/Tokyo"));
		assertThat(format(tokyo)).isEqualTo("2024-03-01T08:15:30Z");
	}

	@Test
	void sameInstantAtAnotherOffsetIsTheSameValue() {
		OffsetDateTime utc = INSTANT.atOffset(ZoneOffset.UTC);
		OffsetDateTime plusTwo = INSTANT.atOffset(ZoneOffset.ofHours(2));
		ZonedDateTime newYork = INSTANT.atZone(ZoneId.of("America/New_York"));
		assertThat(this.formatter.same(utc, plusTwo)).isTrue();
		assertThat(this.formatter.same(plusTwo, newYork)).isTrue();
		assertThat(this.formatter.same(newYork, INSTANT)).isTrue();
		assertThat(this.formatter.same(utc, plusTwo.plusSeconds(1))).isFalse();
	}

	@Test
	void offsetTimeNormalizedToUtc() {
		OffsetTime time = OffsetTime.of(10, 15, 30, 0, ZoneOffset.ofHours(2));
		assertThat(format(time)).isEqualTo("08:15:30Z");
		assertThat(this.formatter.same(time, OffsetTime.of(8, 15, 30, 0, ZoneOffset.UTC))).isTrue();
	}

	@Test
	void localTemporalValuesInIso() {
		assertThat(format(LocalDate.of(2024, 3, 1))).isEqualTo("2024-03-01");
		assertThat(format(LocalDateTime.of(2024, 3, 1, 10, 15, 30))).isEqualTo("2024-03-01T10:15:30");
		assertThat(format(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000))).isEqualTo("2024-03-01T10:15:30.500");
		assertThat(format(LocalTime.of(23, 59, 1))).isEqualTo("23:59:01");
	}

	@Test
	void utilDateAsUtcInstant() {
		assertThat(format(Date.from(INSTANT))).isEqualTo("2024-03-01T08:15:30Z");
	}

	@Test
	void sqlTimestampAsUtcInstantWithNanos() {
		Timestamp timestamp = Timestamp.from(Instant.parse("2024-03-01T08:15:30.123456789Z"));
		assertThat(format(timestamp)).isEqualTo("2024-03-01T08:15:30.123456789Z");
	}

	@Test
	void sqlDateAndTimeAsLocalValues() {
		assertThat(format(java.sql.Date.valueOf(LocalDate.of(2024, 3, 1)))).isEqualTo("2024-03-01");
		assertThat(format(java.sql.Time.valueOf(LocalTime.of(10, 15, 30)))).isEqualTo("10:15:30");
	}

	@Test
	void utilDateAndTimestampOfTheSameInstantAreTheSame() {
		assertThat(this.formatter.same(Date.from(INSTANT), Timestamp.from(INSTANT))).isTrue();
		assertThat(this.formatter.same(Date.from(INSTANT), Date.from(INSTANT.plusMillis(1)))).isFalse();
	}

	@Test
	void uuidCanonicalLowerCase() {
		UUID id = UUID.fromString("123E4567-E89B-12D3-A456-426614174000");
		assertThat(format(id)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
	}

	@Test
	void byteArrayAsLengthAndShortDigestOfItsContent() {
		// SHA-256 of 01 02 03 is 039058c6f2c0cb49...
		assertThat(format(new byte[] { 1, 2, 3 })).isEqualTo("(binary: 3 bytes, sha256 039058c6f2c0cb49)");
		assertThat(format(new byte[] { 3, 2, 1 })).isNotEqualTo(format(new byte[] { 1, 2, 3 }))
			.startsWith("(binary: 3 bytes, sha256 ");
		assertThat(format(new byte[0])).isEqualTo("(binary: 0 bytes)");
	}

	@Test
	void lobLocatorsAsANoteWithoutReadingThem() throws Exception {
		assertThat(format(new javax.sql.rowset.serial.SerialBlob(new byte[] { 1 }))).isEqualTo("(blob)");
		assertThat(format(new javax.sql.rowset.serial.SerialClob("text".toCharArray()))).isEqualTo("(clob)");
	}

	@Test
	void otherArraysAsListsComparedByContent() {
		assertThat(format(new String[] { "a", "b" })).isEqualTo("[a, b]");
		assertThat(format(new int[] { 1, 2 })).isEqualTo("[1, 2]");
		assertThat(format(new BigDecimal[] { new BigDecimal("1E+2"), null })).isEqualTo("[100, null]");
		assertThat(this.formatter.same(new String[] { "a", "b" }, new String[] { "a", "b" })).isTrue();
		assertThat(this.formatter.same(new String[] { "a", "b" }, new String[] { "b", "a" })).isFalse();
		assertThat(this.formatter.same(new int[] { 1, 2 }, new int[] { 1, 2 })).isTrue();
		assertThat(this.formatter.same(new long[] { 1 }, new int[] { 1 })).isFalse();
		assertThat(this.formatter.same(new Integer[][] { { 1 } }, new Integer[][] { { 1 } })).isTrue();
	}

	@Test
	void byteArraysComparedByContent() {
		assertThat(this.formatter.same(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 })).isTrue();
		assertThat(this.formatter.same(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 })).isFalse();
	}

	@Test
	void charArrayAsTextComparedByContent() {
		assertThat(format(new char[] { 'a', 'b' })).isEqualTo("ab");
		assertThat(this.formatter.same(new char[] { 'a' }, new char[] { 'a' })).isTrue();
		assertThat(this.formatter.same(new char[] { 'a' }, new char[] { 'b' })).isFalse();
	}

	@Test
	void entityRefByIdByDefault() {
		EntityRef owner = new EntityRef(7L, "Alice");
		assertThat(this.formatter.format(owner, FkRepresentation.ID)).isEqualTo("7");
	}

	@Test
	void entityRefByToStringWhenAsked() {
		assertThat(this.formatter.format(new EntityRef(7L, "Alice"), FkRepresentation.STRING)).isEqualTo("Alice");
	}

	@Test
	void entityRefWithoutRepresentationFallsBackToId() {
		assertThat(this.formatter.format(new EntityRef(7L, null), FkRepresentation.STRING)).isEqualTo("7");
	}

	@Test
	void entityRefsAreTheSameWhenTheirIdsAre() {
		assertThat(this.formatter.same(new EntityRef(7L, "Alice"), new EntityRef(7L, "Alice B."))).isTrue();
		assertThat(this.formatter.same(new EntityRef(7L, "Alice"), new EntityRef(8L, "Alice"))).isFalse();
	}

	@Test
	void compositeKeySortedByPartName() {
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("orderId", 7L);
		key.put("line", 2);
		assertThat(this.formatter.formatKey(key)).isEqualTo("{\"line\":\"2\",\"orderId\":\"7\"}");
	}

	@Test
	void compositeKeyIsStableWhateverTheInsertionOrder() {
		Map<String, Object> first = new LinkedHashMap<>();
		first.put("a", 1);
		first.put("c", UUID.fromString("00000000-0000-0000-0000-00000000000A"));
		first.put("b", "x");
		Map<String, Object> second = new LinkedHashMap<>();
		second.put("b", "x");
		second.put("a", 1);
		second.put("c", UUID.fromString("00000000-0000-0000-0000-00000000000a"));
		assertThat(this.formatter.formatKey(first)).isEqualTo(this.formatter.formatKey(second))
			.isEqualTo("{\"a\":\"1\",\"b\":\"x\",\"c\":\"00000000-0000-0000-0000-00000000000a\"}");
	}

	@Test
	void compositeKeyPartsAreEscaped() {
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("code", "a\"b\\c\nd\u0001");
		key.put("missing", null);
		assertThat(this.formatter.formatKey(key)).isEqualTo("{\"code\":\"a\\\"b\\\\c\\nd\\u0001\",\"missing\":null}");
	}

	@Test
	void entityRefWithCompositeKeyWritesTheKey() {
		EntityRef line = new EntityRef(Map.of("orderId", 7L, "line", 2), "Line 2 of order 7");
		assertThat(format(line)).isEqualTo("{\"line\":\"2\",\"orderId\":\"7\"}");
	}

	@Test
	void simpleKeyFormattedAsItsValue() {
		assertThat(this.formatter.formatKey(42L)).isEqualTo("42");
		assertThat(this.formatter.formatKey(UUID.fromString("123E4567-E89B-12D3-A456-426614174000")))
			.isEqualTo("123e4567-e89b-12d3-a456-426614174000");
	}

	@Test
	void integralKeyOfIntegralTypes() {
		assertThat(this.formatter.integralKey(42L)).isEqualTo(42L);
		assertThat(this.formatter.integralKey(42)).isEqualTo(42L);
		assertThat(this.formatter.integralKey((short) 42)).isEqualTo(42L);
		assertThat(this.formatter.integralKey(BigInteger.valueOf(42))).isEqualTo(42L);
		assertThat(this.formatter.integralKey(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
		assertThat(this.formatter.integralKey(BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
	}

	@Test
	void noIntegralKeyWhenItDoesNotFitALongOrIsNotANumber() {
		assertThat(this.formatter.integralKey(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))).isNull();
		assertThat(this.formatter.integralKey(UUID.randomUUID())).isNull();
		assertThat(this.formatter.integralKey("42")).isNull();
		assertThat(this.formatter.integralKey(new BigDecimal("42"))).isNull();
		assertThat(this.formatter.integralKey(Map.of("a", 1))).isNull();
	}

	@Test
	void setsSortedListsInOrder() {
		assertThat(format(new TreeSet<>(Set.of("b", "a", "c")))).isEqualTo("[a, b, c]");
		assertThat(format(Set.of("b", "a", "c"))).isEqualTo("[a, b, c]");
		assertThat(format(List.of("b", "a", "c"))).isEqualTo("[b, a, c]");
	}

	@Test
	void nullIsTheSameOnlyAsNull() {
		assertThat(this.formatter.same(null, null)).isTrue();
		assertThat(this.formatter.same(null, "")).isFalse();
		assertThat(this.formatter.same("", null)).isFalse();
		assertThat(this.formatter.same(null, INSTANT)).isFalse();
		assertThat(this.formatter.same(INSTANT, null)).isFalse();
	}

	@Test
	void instantIsNotTheSameAsANonTemporalValue() {
		assertThat(this.formatter.same(INSTANT, "2024-03-01T08:15:30Z")).isFalse();
	}

	enum Colour {

		DARK_RED;

		@Override
		public String toString() {
			return "Dark red";
		}

	}

}
