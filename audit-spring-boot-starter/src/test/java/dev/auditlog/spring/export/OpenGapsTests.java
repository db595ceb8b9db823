package dev.auditlog.spring.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.auditlog.spring.export.OpenGaps.Gap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link OpenGaps}.
 */
class OpenGapsTests {

	@Test
	void anyGapsReadBackAsWritten() {
		for (long seed = 0; seed < 200; seed++) {
			Random random = new Random(seed);
			List<Gap> gaps = new ArrayList<>();
			long next = random.nextInt(10);
			for (int i = random.nextInt(20); i > 0; i--) {
				long first = next + random.nextInt(1000);
				long last = first + random.nextInt(3);
				gaps.add(new Gap(first, last, Math.abs(random.nextLong())));
				next = last + 2;
			}
			String text = OpenGaps.text(gaps);
			assertThat(OpenGaps.parse(text)).as("seed %d: %s", seed, text).isEqualTo(gaps);
		}
	}

	@Test
	void noGapsIsEmpty() {
		assertThat(OpenGaps.text(List.of())).isEmpty();
		assertThat(OpenGaps.parse("")).isEmpty();
	}

	@Test
	void damagedGapsAreRefusedNamingTheLine() {
		for (String damaged : new String[] { "1 2\n", "3 1 5\n", "1 5 7\n4 8 7\n", "a b c\n" }) {
			assertThatIllegalStateException().as(damaged)
				.isThrownBy(() -> OpenGaps.parse(damaged))
				.withMessageContaining("auditlog_export.gaps");
		}
	}

}
