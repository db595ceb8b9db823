package dev.auditlog.spring;

import java.util.concurrent.Callable;

import dev.auditlog.core.AuditContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides who is acting, so that the {@code actor} of an entry, the
 * {@code @CreatedBy}/{@code @LastModifiedBy} stamps of Spring Data and the
 * {@code principal} of the events the audit log records always agree. The first of these
 * that names someone wins:
 * <ol>
 * <li>the actor set with {@link AuditContext#withActor(String)}, on this thread or on the
 * thread that handed the work over;</li>
 * <li>the {@link ActorResolver}: the application's bean when it declares one, otherwise
 * the authenticated user of Spring Security's context (anonymous names no one) when
 * Spring Security is on the class path, otherwise the servlet request's
 * {@code getUserPrincipal()};</li>
 * <li>the actor this resolution decided on the thread that handed the work over to this
 * one through {@link #wrap(Runnable)}: Spring Boot's task executors and schedulers
 * ({@code @Async} methods, {@code CompletableFuture}s on {@code applicationTaskExecutor},
 * virtual threads with {@code spring.threads.virtual.enabled}) do so through the audit
 * log's {@code TaskDecorator}, so work started by a request keeps its user although
 * Spring Security's context stays behind.</li>
 * </ol>
 * Otherwise there is no actor: {@code null} in the entry, empty for Spring Data. An
 * {@code ActorResolver} that throws names no one: the failure is logged and the
 * application's work goes on.
 *
 * @since 0.1.0
 */
public final class ActorResolution {

	private static final Logger logger = LoggerFactory.getLogger(ActorResolution.class);

	private static final ThreadLocal<@Nullable String> handedOver = new ThreadLocal<>();

	private final ActorResolver resolver;

	/**
	 * Create a resolution that asks the given resolver.
	 * @param resolver tells who is acting on the current thread
	 */
	public ActorResolution(ActorResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Return who is acting on the current thread now.
	 * @return the actor's name, or {@code null} when no one is known (anonymous, no
	 * request, no scope)
	 */
	public @Nullable String currentActor() {
		String actor = AuditContext.actor();
		if (actor != null) {
			return actor;
		}
		actor = resolved();
		return (actor != null) ? actor : handedOver.get();
	}

	/**
	 * Return a task that runs the given one in the {@link AuditContext} current now and
	 * with the actor decided now as its fallback, for work handed to another thread.
	 * @param task the task
	 * @return the wrapped task, to run on any thread
	 */
	public Runnable wrap(Runnable task) {
		Handover handover = handover();
		return () -> {
			try (Handover.Scope scope = handover.open()) {
				task.run();
			}
		};
	}

	/**
	 * Return a task that runs the given one in the {@link AuditContext} current now and
	 * with the actor decided now as its fallback, for work handed to another thread.
	 * @param <V> the task's result type
	 * @param task the task
	 * @return the wrapped task, to run on any thread
	 */
	public <V> Callable<V> wrap(Callable<V> task) {
		Handover handover = handover();
		return () -> {
			try (Handover.Scope scope = handover.open()) {
				return task.call();
			}
		};
	}

	private Handover handover() {
		return new Handover(AuditContext.capture(), currentActor());
	}

	private @Nullable String resolved() {
		try {
			return this.resolver.currentActor();
		}
		catch (RuntimeException ex) {
			logger.error("{} failed; recording no actor", this.resolver.getClass().getName(), ex);
			return null;
		}
	}

	/**
	 * What a thread hands over to another: its audit context and the actor decided on it.
	 */
	private record Handover(AuditContext.Snapshot context, @Nullable String actor) {

		Scope open() {
			String previous = handedOver.get();
			set(this.actor);
			return new Scope(AuditContext.open(this.context), previous);
		}

		private static void set(@Nullable String actor) {
			if (actor != null) {
				handedOver.set(actor);
			}
			else {
				handedOver.remove();
			}
		}

		record Scope(AuditContext.Scope context, @Nullable String previous) implements AutoCloseable {

			@Override
			public void close() {
				this.context.close();
				set(this.previous);
			}

		}

	}

}
