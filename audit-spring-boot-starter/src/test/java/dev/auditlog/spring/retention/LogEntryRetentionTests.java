package dev.auditlog.spring.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.query.LogEntrySummary;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LogEntryRetention}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogEntryRetentionTests {

	private static final Instant NOW = Instant.parse("2026-03-10T03:30:00Z");

	private final RecordingRepository repository = new RecordingRepository();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void deletesWhatIsOlderThanTheMaximumAgeAndLogsIt(CapturedOutput output) {
		this.repository.deleted = 1234;
		LogEntryRetention retention = new LogEntryRetention(this.repository, Duration.ofDays(90), "0 30 3 * * *",
				this.clock);
		assertThat(retention.run()).isEqualTo(1234);
		assertThat(this.repository.before).containsExactly(Instant.parse("2025-12-10T03:30:00Z"));
		assertThat(output).contains("Deleted 1234 audit log entries recorded before 2025-12-10T03:30:00Z");
	}

	@Test
	void logsAFailureAndKeepsItsSchedule(CapturedOutput output) {
		this.repository.failure = new QueryTimeoutException("too slow");
		LogEntryRetention retention = new LogEntryRetention(this.repository, Duration.ofDays(1), "0 30 3 * * *",
				this.clock);
		assertThat(retention.run()).isZero();
		assertThat(output).contains("Could not delete the audit log entries recorded before 2026-03-09T03:30:00Z")
			.contains("too slow");
	}

	@Test
	void runsOnItsCronScheduleUntilStopped() {
		LogEntryRetention retention = new LogEntryRetention(this.repository, Duration.ofDays(1), "* * * * * *",
				Clock.systemUTC());
		assertThat(retention.isRunning()).isFalse();
		retention.start();
		try {
			assertThat(retention.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.repository.before.isEmpty());
		}
		finally {
			retention.stop();
		}
		assertThat(retention.isRunning()).isFalse();
	}

	@Test
	void refusesAnInvalidCronExpression() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LogEntryRetention(this.repository, Duration.ofDays(1), "daily", this.clock))
			.withMessageContaining("auditlog.retention.cron")
			.withMessageContaining("daily");
	}

	@Test
	void refusesAMaximumAgeThatIsNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LogEntryRetention(this.repository, Duration.ZERO, "0 30 3 * * *", this.clock))
			.withMessageContaining("auditlog.retention.max-age must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LogEntryRetention(this.repository, Duration.ofDays(-1), "0 30 3 * * *", this.clock))
			.withMessageContaining("auditlog.retention.max-age must be positive");
	}

	static final class RecordingRepository implements LogEntryRepository {

		final List<Instant> before = new CopyOnWriteArrayList<>();

		long deleted;

		@Nullable RuntimeException failure;

		@Override
		public long deleteBefore(Instant before) {
			this.before.add(before);
			if (this.failure != null) {
				throw this.failure;
			}
			return this.deleted;
		}

		@Override
		public LogEntryPage query(LogEntryQuery query) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<LogEntry> find(long id) {
			throw new UnsupportedOperationException();
		}

		@Override
		public LogEntrySummary summarize(Instant from, Instant to, @Nullable String actor) {
			throw new UnsupportedOperationException();
		}

	}

}
