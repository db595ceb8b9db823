package dev.auditlog.spring.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import dev.auditlog.spring.integrity.RetentionCheckpoint;
import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.support.BackgroundJob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.util.Assert;

/**
 * Deletes the entries older than {@code auditlog.retention.max-age} on the schedule of
 * {@code auditlog.retention.cron}, on a scheduler thread of its own so that the
 * application needs no {@code @EnableScheduling} and its own scheduled tasks are left
 * alone. Several instances may run it at once: deleting is idempotent and each instance
 * counts only the rows it deleted. With {@code auditlog.integrity} on, a signed retention
 * checkpoint is recorded before deleting, so that verification does not report the
 * deleted entries missing.
 */
final class LogEntryRetention implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LogEntryRetention.class);

	private final Supplier<List<LogEntryRepository>> repositories;

	private final Duration maxAge;

	private final CronTrigger trigger;

	private final Clock clock;

	private final BackgroundJob job;

	private final @Nullable RetentionCheckpoint checkpoint;

	LogEntryRetention(LogEntryRepository repository, Duration maxAge, String cron, Clock clock) {
		this(repository, maxAge, cron, clock, null);
	}

	LogEntryRetention(LogEntryRepository repository, Duration maxAge, String cron, Clock clock,
			@Nullable RetentionCheckpoint checkpoint) {
		this(() -> List.of(repository), maxAge, cron, clock, checkpoint);
	}

	/**
	 * Create a retention job deleting in every database that holds entries.
	 * @param repositories the repositories of those databases, asked at each run
	 * @param maxAge the age after which entries are deleted
	 * @param cron when the job runs
	 * @param clock the clock
	 * @param checkpoint records a retention checkpoint before deleting, if integrity is
	 * on
	 */
	LogEntryRetention(Supplier<List<LogEntryRepository>> repositories, Duration maxAge, String cron, Clock clock,
			@Nullable RetentionCheckpoint checkpoint) {
		Assert.isTrue(!maxAge.isNegative() && !maxAge.isZero(),
				() -> "auditlog.retention.max-age must be positive but was " + maxAge);
		this.repositories = repositories;
		this.maxAge = maxAge;
		this.trigger = trigger(cron);
		this.clock = clock;
		this.job = new BackgroundJob("auditlog-retention-", (scheduler) -> scheduler.schedule(this::run, this.trigger));
		this.checkpoint = checkpoint;
	}

	private static CronTrigger trigger(String cron) {
		try {
			return new CronTrigger(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"auditlog.retention.cron is not a cron expression: '" + cron + "' (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * Delete the entries recorded before now minus the maximum age.
	 * @return the number of entries deleted
	 */
	long run() {
		Instant before = this.clock.instant().minus(this.maxAge);
		try {
			if (this.checkpoint != null) {
				this.checkpoint.recordDeletion(before);
			}
			long deleted = 0;
			for (LogEntryRepository repository : this.repositories.get()) {
				deleted += repository.deleteBefore(before);
			}
			logger.info("Deleted {} audit log entries recorded before {} (auditlog.retention.max-age {})", deleted,
					before, this.maxAge);
			return deleted;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete the audit log entries recorded before {}; trying again at the next run",
					before, ex);
			return 0;
		}
	}

	@Override
	public void start() {
		this.job.start();
		logger.debug("Deleting audit log entries older than {} on the schedule '{}'", this.maxAge,
				this.trigger.getExpression());
	}

	@Override
	public void stop() {
		this.job.stop();
	}

	@Override
	public boolean isRunning() {
		return this.job.isRunning();
	}

	Duration maxAge() {
		return this.maxAge;
	}

	String cron() {
		return this.trigger.getExpression();
	}

}
