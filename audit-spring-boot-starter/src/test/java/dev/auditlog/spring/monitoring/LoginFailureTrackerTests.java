package dev.auditlog.spring.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure counting in a sliding window, burst reporting and cool-downs, with a clock the
 * test moves.
 */
class LoginFailureTrackerTests {

	private Instant now = Instant.parse("2026-11-30T10:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return LoginFailureTrackerTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	@Test
	void theThresholdWithinTheWindowIsABurstThatStartsTheCountAfresh() {
		LoginFailureTracker tracker = new LoginFailureTracker(3, Duration.ofMinutes(1), null, 100, this.clock);
		assertThat(tracker.failed("10.0.0.1", "alice")).isEmpty();
		advance(Duration.ofSeconds(10));
		assertThat(tracker.failed("10.0.0.1", "bob")).isEmpty();
		advance(Duration.ofSeconds(10));
		assertThat(tracker.failed("10.0.0.1", "carol")).extracting(LoginFailureTracker.Burst::kind)
			.containsExactly(LoginFailureTracker.ADDRESS);
		// the count starts afresh: one more failure is no new burst, three more are
		assertThat(tracker.failed("10.0.0.1", "dave")).isEmpty();
		assertThat(tracker.failed("10.0.0.1", "erin")).isEmpty();
		assertThat(tracker.failed("10.0.0.1", "frank")).hasSize(1);
		assertThat(tracker.refusedUntil("10.0.0.1", null)).isNull();
	}

	@Test
	void failuresSpreadBeyondTheWindowAreNoBurst() {
		LoginFailureTracker tracker = new LoginFailureTracker(3, Duration.ofMinutes(1), null, 100, this.clock);
		for (int i = 0; i < 10; i++) {
			assertThat(tracker.failed(null, "alice")).isEmpty();
			advance(Duration.ofSeconds(31));
		}
	}

	@Test
	void aUsernameTriedFromManyAddressesIsABurst() {
		LoginFailureTracker tracker = new LoginFailureTracker(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 100,
				this.clock);
		tracker.failed("10.0.0.1", "alice");
		tracker.failed("10.0.0.2", "alice");
		assertThat(tracker.failed("10.0.0.3", "alice")).singleElement().satisfies((burst) -> {
			assertThat(burst.kind()).isEqualTo(LoginFailureTracker.USERNAME);
			assertThat(burst.key()).isEqualTo("alice");
			assertThat(burst.refusedUntil()).isEqualTo(this.now.plus(Duration.ofMinutes(5)));
		});
		assertThat(tracker.refusedUntil("10.0.0.9", "alice")).isEqualTo(this.now.plus(Duration.ofMinutes(5)));
		assertThat(tracker.refusedUntil("10.0.0.9", "bob")).isNull();
		advance(Duration.ofMinutes(5).plusMillis(1));
		assertThat(tracker.refusedUntil("10.0.0.9", "alice")).isNull();
	}

	@Test
	void aNewBurstAfterTheWindowIsReportedAgain() {
		LoginFailureTracker tracker = new LoginFailureTracker(2, Duration.ofSeconds(10), null, 100, this.clock);
		tracker.failed("10.0.0.1", null);
		assertThat(tracker.failed("10.0.0.1", null)).hasSize(1);
		advance(Duration.ofSeconds(11));
		tracker.failed("10.0.0.1", null);
		assertThat(tracker.failed("10.0.0.1", null)).hasSize(1);
	}

	@Test
	void aCoolDownShorterThanTheWindowLeavesNoUnlimitedGuessing() {
		LoginFailureTracker tracker = new LoginFailureTracker(3, Duration.ofMinutes(1), Duration.ofSeconds(20), 100,
				this.clock);
		tracker.failed("10.0.0.1", "alice");
		tracker.failed("10.0.0.1", "alice");
		assertThat(tracker.failed("10.0.0.1", "alice")).hasSize(2);
		advance(Duration.ofSeconds(21));
		assertThat(tracker.refusedUntil("10.0.0.1", "alice")).isNull();
		// within the first burst's window: the next three failures are the next burst
		tracker.failed("10.0.0.1", "alice");
		tracker.failed("10.0.0.1", "alice");
		assertThat(tracker.failed("10.0.0.1", "alice")).hasSize(2);
		assertThat(tracker.refusedUntil("10.0.0.1", "alice")).isEqualTo(this.now.plusSeconds(20));
	}

	@Test
	void usernamesAreCountedWithoutRegardToCase() {
		LoginFailureTracker tracker = new LoginFailureTracker(3, Duration.ofMinutes(1), Duration.ofMinutes(5), 100,
				this.clock);
		tracker.failed("10.0.0.1", "alice");
		tracker.failed("10.0.0.2", "ALICE");
		assertThat(tracker.failed("10.0.0.3", "Alice")).singleElement()
			.satisfies((burst) -> assertThat(burst.key()).isEqualTo("alice"));
		assertThat(tracker.refusedUntil("10.0.0.9", "aLiCe")).isNotNull();
	}

	@Test
	void onlyTheMostRecentlySeenKeysAreKept() {
		LoginFailureTracker tracker = new LoginFailureTracker(2, Duration.ofMinutes(1), Duration.ofMinutes(1), 2,
				this.clock);
		tracker.failed("10.0.0.1", null);
		for (int i = 2; i < 100; i++) {
			tracker.failed("10.0.0." + i, null);
		}
		// the first address was forgotten: its next failure starts a new count
		assertThat(tracker.failed("10.0.0.1", null)).isEmpty();
		assertThat(tracker.refusedUntil("10.0.0.1", null)).isNull();
	}

	private void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

}
