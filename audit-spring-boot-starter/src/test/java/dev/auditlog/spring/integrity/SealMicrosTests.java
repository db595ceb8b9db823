package dev.auditlog.spring.integrity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every instant has a microsecond count, held at the bounds of a long beyond them, so
 * that a far-future retention checkpoint never makes a verification fail.
 */
class SealMicrosTests {

	@Test
	void instantsWithinRangeAreCountedExactly() {
		assertThat(Seal.micros(Instant.EPOCH)).isZero();
		assertThat(Seal.micros(Instant.parse("2026-11-30T10:00:00.123456Z"))).isEqualTo(1_796_032_800_123_456L);
		Instant last = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);
		assertThat(Seal.micros(last)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void instantsBeyondALongAreHeldAtItsBounds() {
		assertThat(Seal.micros(Instant.parse("2262-04-12T00:00:00Z"))).isPositive();
		assertThat(Seal.micros(Instant.parse("+300000-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE);
		assertThat(Seal.micros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
		assertThat(Seal.micros(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
	}

}
