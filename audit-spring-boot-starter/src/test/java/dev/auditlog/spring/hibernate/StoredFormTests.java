package dev.auditlog.spring.hibernate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fractional seconds brought to a column's precision: any instant, any precision, rounded
 * or truncated, compared with decimal arithmetic. Seeded, so that a failure names an
 * input that can be replayed.
 */
class StoredFormTests {

	private static final long SEED = 20_260_311L;

	@Test
	void fractionalSecondsMatchDecimalRoundingForAnyInstantAndPrecision() {
		Random random = new Random(SEED);
		for (int i = 0; i < 5_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L),
					random.nextInt(1_000_000_000));
			int precision = random.nextInt(10);
			boolean truncates = random.nextBoolean();
			BigDecimal seconds = new BigDecimal(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
			// the fraction of the wall clock is rounded half up, before 1970 too
			BigDecimal half = truncates ? BigDecimal.ZERO : BigDecimal.valueOf(5, precision + 1);
			BigDecimal expected = seconds.add(half).setScale(precision, RoundingMode.FLOOR);
			Instant stored = StoredForm.fraction(instant, precision, truncates);
			assertThat(new BigDecimal(stored.getEpochSecond()).add(BigDecimal.valueOf(stored.getNano(), 9)))
				.as("seed %d, try %d: %s to %d digits, %s", SEED, i, instant, precision,
						truncates ? "truncated" : "rounded")
				.isEqualByComparingTo(expected);
		}
	}

	@Test
	void roundingCarriesIntoTheNextSecondMinuteAndDay() {
		assertThat(StoredForm.fraction(LocalDateTime.parse("2024-12-31T23:59:59.9999996"), 6, false))
			.isEqualTo(LocalDateTime.parse("2025-01-01T00:00"));
		assertThat(StoredForm.fraction(OffsetDateTime.parse("2024-03-01T10:15:59.5+02:00"), 0, false))
			.isEqualTo(OffsetDateTime.parse("2024-03-01T10:16:00+02:00"));
		assertThat(StoredForm.fraction(LocalTime.parse("10:15:30.4999"), 0, false))
			.isEqualTo(LocalTime.parse("10:15:30"));
		assertThat(StoredForm.fraction(LocalTime.parse("10:15:30.9999"), 0, true))
			.isEqualTo(LocalTime.parse("10:15:30"));
		assertThat(StoredForm.fraction(Instant.parse("2024-03-01T10:15:30.123456789Z"), 9, false))
			.isEqualTo(Instant.parse("2024-03-01T10:15:30.123456789Z"));
		assertThat(StoredForm.fraction(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 123, ZoneOffset.UTC), 3, true))
			.isEqualTo(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC));
	}

}
