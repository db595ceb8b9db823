package dev.auditlog.spring.support;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A task of the starter that runs on a scheduler thread of its own (sealing, retention,
 * partition maintenance, the Kafka export), so that the application needs no
 * {@code @EnableScheduling} and its own scheduled tasks are left alone. The owning bean
 * is a {@link org.springframework.context.SmartLifecycle} and delegates its
 * {@code start}, {@code stop} and {@code isRunning} here. Not API: it may change in any
 * release.
 */
public final class BackgroundJob {

	private final String threadNamePrefix;

	private final Function<TaskScheduler, ScheduledFuture<?>> schedule;

	private final Duration finishOnStop;

	private @Nullable ThreadPoolTaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> scheduled;

	/**
	 * Create a job whose running task is interrupted by {@link #stop()}.
	 * @param threadNamePrefix the name of its thread, less the number (e.g.
	 * {@code auditlog-seal-})
	 * @param schedule schedules the task on the job's scheduler at {@link #start()}
	 */
	public BackgroundJob(String threadNamePrefix, Function<TaskScheduler, ScheduledFuture<?>> schedule) {
		this(threadNamePrefix, schedule, Duration.ZERO);
	}

	/**
	 * Create a job whose running task {@link #stop()} lets finish for up to a duration.
	 * @param threadNamePrefix the name of its thread, less the number (e.g.
	 * {@code auditlog-export-})
	 * @param schedule schedules the task on the job's scheduler at {@link #start()}
	 * @param finishOnStop how long a stop waits for a running task; {@link Duration#ZERO}
	 * for not at all
	 */
	public BackgroundJob(String threadNamePrefix, Function<TaskScheduler, ScheduledFuture<?>> schedule,
			Duration finishOnStop) {
		this.threadNamePrefix = threadNamePrefix;
		this.schedule = schedule;
		this.finishOnStop = finishOnStop;
	}

	/**
	 * Start the job's thread and schedule its task; does nothing when it runs already.
	 */
	public synchronized void start() {
		if (this.scheduler == null) {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix(this.threadNamePrefix);
			scheduler.setDaemon(true);
			if (!this.finishOnStop.isZero()) {
				scheduler.setWaitForTasksToCompleteOnShutdown(true);
				scheduler.setAwaitTerminationMillis(this.finishOnStop.toMillis());
			}
			scheduler.initialize();
			this.scheduled = this.schedule.apply(scheduler);
			this.scheduler = scheduler;
		}
	}

	/**
	 * Cancel the task and shut the thread down; does nothing when it is stopped already.
	 */
	public synchronized void stop() {
		if (this.scheduled != null) {
			this.scheduled.cancel(false);
			this.scheduled = null;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	/**
	 * Return whether the job is started.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
