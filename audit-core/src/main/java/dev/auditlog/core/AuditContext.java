package dev.auditlog.core;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting, from where and under which correlation id, bound to the current thread,
 * and whether auditing is switched off. Values are set in scopes that nest and restore
 * what was there before when closed:
 *
 * <pre class="code">
 * try (var scope = AuditContext.withActor("nightly-import")) {
 *     importer.run();
 * }
 * try (var off = AuditContext.disabled()) {
 *     repository.deleteAll(); // not logged
 * }
 * </pre>
 *
 * Work handed to other threads carries the context when it is {@link #capture() captured}
 * on the calling thread and {@link #open(Snapshot) opened} on the worker; see
 * {@link #wrap(Runnable)}.
 *
 * @since 0.1.0
 */
public final class AuditContext {

	private static final ThreadLocal<Snapshot> CURRENT = new ThreadLocal<>();

	private AuditContext() {
	}

	/**
	 * Act as the given actor until the scope is closed. An actor set here wins over the
	 * authenticated user.
	 * @param actor the actor's name
	 * @return the scope, to close
	 */
	public static Scope withActor(String actor) {
		Objects.requireNonNull(actor, "actor must not be null");
		Snapshot current = capture();
		return open(new Snapshot(actor, current.cid, current.remoteAddr, current.disabled));
	}

	/**
	 * Use the given correlation id until the scope is closed.
	 * @param cid the correlation id
	 * @return the scope, to close
	 */
	public static Scope withCid(String cid) {
		Objects.requireNonNull(cid, "cid must not be null");
		Snapshot current = capture();
		return open(new Snapshot(current.actor, cid, current.remoteAddr, current.disabled));
	}

	/**
	 * Record the given client address until the scope is closed.
	 * @param remoteAddr the client address
	 * @return the scope, to close
	 */
	public static Scope withRemoteAddr(String remoteAddr) {
		Objects.requireNonNull(remoteAddr, "remoteAddr must not be null");
		Snapshot current = capture();
		return open(new Snapshot(current.actor, current.cid, remoteAddr, current.disabled));
	}

	/**
	 * Log nothing until the scope is closed.
	 * @return the scope, to close
	 */
	public static Scope disabled() {
		Snapshot current = capture();
		return open(new Snapshot(current.actor, current.cid, current.remoteAddr, true));
	}

	/**
	 * Return the actor set by {@link #withActor(String)}.
	 * @return the actor, or {@code null} if none is set
	 */
	public static @Nullable String actor() {
		return capture().actor;
	}

	/**
	 * Return the correlation id set by {@link #withCid(String)}.
	 * @return the correlation id, or {@code null} if none is set
	 */
	public static @Nullable String cid() {
		return capture().cid;
	}

	/**
	 * Return the client address set by {@link #withRemoteAddr(String)}.
	 * @return the client address, or {@code null} if none is set
	 */
	public static @Nullable String remoteAddr() {
		return capture().remoteAddr;
	}

	/**
	 * Return whether logging is switched off by {@link #disabled()}.
	 * @return {@code true} inside a disabled scope
	 */
	public static boolean isDisabled() {
		return capture().disabled;
	}

	/**
	 * Return the current thread's context, to open on another thread.
	 * @return the context; {@link Snapshot#EMPTY} if nothing is set
	 */
	public static Snapshot capture() {
		Snapshot snapshot = CURRENT.get();
		return (snapshot != null) ? snapshot : Snapshot.EMPTY;
	}

	/**
	 * Make the given context the current thread's until the scope is closed.
	 * @param snapshot a context captured earlier, possibly on another thread
	 * @return the scope, to close; closing it restores what was current before
	 */
	public static Scope open(Snapshot snapshot) {
		Snapshot previous = capture();
		set(snapshot);
		return new RestoringScope(previous);
	}

	/**
	 * Return a task that runs the given one in the context current now.
	 * @param task the task
	 * @return the wrapped task
	 */
	public static Runnable wrap(Runnable task) {
		Snapshot snapshot = capture();
		return () -> {
			try (Scope scope = open(snapshot)) {
				task.run();
			}
		};
	}

	/**
	 * Return a task that runs the given one in the context current now.
	 * @param <V> the task's result type
	 * @param task the task
	 * @return the wrapped task
	 */
	public static <V> Callable<V> wrap(Callable<V> task) {
		Snapshot snapshot = capture();
		return () -> {
			try (Scope scope = open(snapshot)) {
				return task.call();
			}
		};
	}

	private static void set(Snapshot snapshot) {
		if (snapshot.equals(Snapshot.EMPTY)) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(snapshot);
		}
	}

	/**
	 * A scope that restores the previous context when closed. Closing twice does nothing
	 * more.
	 */
	public interface Scope extends AutoCloseable {

		/**
		 * Restore the context that was current when the scope was opened.
		 */
		@Override
		void close();

	}

	/**
	 * The context of one thread at one moment, immutable.
	 *
	 * @param actor the actor set explicitly, or {@code null}
	 * @param cid the correlation id, or {@code null}
	 * @param remoteAddr the client address, or {@code null}
	 * @param disabled whether logging is switched off
	 */
	public record Snapshot(@Nullable String actor, @Nullable String cid, @Nullable String remoteAddr,
			boolean disabled) {

		/** Nothing set: no actor, no correlation id, no address, logging on. */
		public static final Snapshot EMPTY = new Snapshot(null, null, null, false);

	}

	private static final class RestoringScope implements Scope {

		private final Snapshot previous;

		private boolean closed;

		RestoringScope(Snapshot previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				set(this.previous);
			}
		}

	}

}
