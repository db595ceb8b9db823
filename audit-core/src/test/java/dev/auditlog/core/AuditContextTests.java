package dev.auditlog.core;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.auditlog.core.AuditContext.Scope;
import dev.auditlog.core.AuditContext.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AuditContextTests {

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	@AfterEach
	void contextIsEmptyAgainAndWorkerStopped() throws InterruptedException {
		this.worker.shutdownNow();
		assertThat(this.worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		assertThat(AuditContext.capture()).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void emptyByDefault() {
		assertThat(AuditContext.actor()).isNull();
		assertThat(AuditContext.cid()).isNull();
		assertThat(AuditContext.remoteAddr()).isNull();
		assertThat(AuditContext.isDisabled()).isFalse();
		assertThat(AuditContext.capture()).isSameAs(Snapshot.EMPTY);
	}

	@Test
	void actorVisibleInsideScopeAndRestoredAfterClose() {
		try (Scope scope = AuditContext.withActor("nightly-import")) {
			assertThat(AuditContext.actor()).isEqualTo("nightly-import");
		}
		assertThat(AuditContext.actor()).isNull();
	}

	@Test
	void cidVisibleInsideScopeAndRestoredAfterClose() {
		try (Scope scope = AuditContext.withCid("c-1")) {
			assertThat(AuditContext.cid()).isEqualTo("c-1");
		}
		assertThat(AuditContext.cid()).isNull();
	}

	@Test
	void remoteAddrVisibleInsideScopeAndRestoredAfterClose() {
		try (Scope scope = AuditContext.withRemoteAddr("192.0.2.1")) {
			assertThat(AuditContext.remoteAddr()).isEqualTo("192.0.2.1");
		}
		assertThat(AuditContext.remoteAddr()).isNull();
	}

	@Test
	void disabledInsideScopeAndEnabledAfterClose() {
		try (Scope scope = AuditContext.disabled()) {
			assertThat(AuditContext.isDisabled()).isTrue();
		}
		assertThat(AuditContext.isDisabled()).isFalse();
	}

	@Test
	void scopesCombine() {
		try (Scope actor = AuditContext.withActor("alice");
				Scope cid = AuditContext.withCid("c-1");
				Scope addr = AuditContext.withRemoteAddr("::1");
				Scope off = AuditContext.disabled()) {
			assertThat(AuditContext.capture()).isEqualTo(new Snapshot("alice", "c-1", "::1", true));
		}
	}

	@Test
	void nestedScopesRestoreInOrder() {
		try (Scope outer = AuditContext.withActor("outer")) {
			try (Scope cid = AuditContext.withCid("c-1")) {
				try (Scope inner = AuditContext.withActor("inner")) {
					assertThat(AuditContext.actor()).isEqualTo("inner");
					assertThat(AuditContext.cid()).isEqualTo("c-1");
				}
				assertThat(AuditContext.actor()).isEqualTo("outer");
				assertThat(AuditContext.cid()).isEqualTo("c-1");
			}
			assertThat(AuditContext.actor()).isEqualTo("outer");
			assertThat(AuditContext.cid()).isNull();
		}
		assertThat(AuditContext.actor()).isNull();
	}

	@Test
	void nestedDisabledScopeRestoresEnabled() {
		try (Scope off = AuditContext.disabled()) {
			try (Scope offAgain = AuditContext.disabled()) {
				assertThat(AuditContext.isDisabled()).isTrue();
			}
			assertThat(AuditContext.isDisabled()).isTrue();
		}
		assertThat(AuditContext.isDisabled()).isFalse();
	}

	@Test
	void nestedScopesAreRestoredAfterAnException() {
		assertThatIllegalStateException().isThrownBy(() -> {
			try (Scope actor = AuditContext.withActor("alice")) {
				try (Scope off = AuditContext.disabled(); Scope cid = AuditContext.withCid("c-1")) {
					throw new IllegalStateException("boom");
				}
			}
		}).withMessage("boom");
		assertThat(AuditContext.capture()).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void innerScopeIsRestoredAfterAnExceptionCaughtInTheOuterScope() {
		try (Scope outer = AuditContext.withActor("outer")) {
			try (Scope inner = AuditContext.withActor("inner"); Scope off = AuditContext.disabled()) {
				throw new IllegalStateException("boom");
			}
			catch (IllegalStateException ex) {
				assertThat(AuditContext.actor()).isEqualTo("outer");
				assertThat(AuditContext.isDisabled()).isFalse();
			}
		}
	}

	@Test
	void closingTwiceIsHarmless() {
		try (Scope outer = AuditContext.withActor("outer")) {
			Scope inner = AuditContext.withActor("inner");
			inner.close();
			inner.close();
			assertThat(AuditContext.actor()).isEqualTo("outer");
			try (Scope later = AuditContext.withActor("later")) {
				inner.close();
				assertThat(AuditContext.actor()).isEqualTo("later");
			}
			assertThat(AuditContext.actor()).isEqualTo("outer");
		}
	}

	@Test
	void nullValuesAreRejected() {
		assertThatNullPointerException().isThrownBy(() -> AuditContext.withActor(null)).withMessageContaining("actor");
		assertThatNullPointerException().isThrownBy(() -> AuditContext.withCid(null)).withMessageContaining("cid");
		assertThatNullPointerException().isThrownBy(() -> AuditContext.withRemoteAddr(null))
			.withMessageContaining("remoteAddr");
		assertThat(AuditContext.capture()).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void twoThreadsAreIsolated() throws Exception {
		CyclicBarrier bothInScope = new CyclicBarrier(2);
		CyclicBarrier bothChecked = new CyclicBarrier(2);
		AtomicReference<Snapshot> seenByOther = new AtomicReference<>();
		AtomicReference<Snapshot> otherBeforeScope = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread other = new Thread(() -> {
			try {
				otherBeforeScope.set(AuditContext.capture());
				try (Scope scope = AuditContext.withActor("other"); Scope off = AuditContext.disabled()) {
					bothInScope.await(5, TimeUnit.SECONDS);
					seenByOther.set(AuditContext.capture());
					bothChecked.await(5, TimeUnit.SECONDS);
				}
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		try (Scope scope = AuditContext.withActor("main"); Scope cid = AuditContext.withCid("c-main")) {
			other.start();
			bothInScope.await(5, TimeUnit.SECONDS);
			assertThat(AuditContext.capture()).isEqualTo(new Snapshot("main", "c-main", null, false));
			bothChecked.await(5, TimeUnit.SECONDS);
		}
		other.join(5000);
		assertThat(other.isAlive()).isFalse();
		assertThat(failure.get()).isNull();
		assertThat(otherBeforeScope.get()).isEqualTo(Snapshot.EMPTY);
		assertThat(seenByOther.get()).isEqualTo(new Snapshot("other", null, null, true));
	}

	@Test
	void capturedContextOpenedOnAnotherThread() throws Exception {
		Snapshot captured;
		try (Scope actor = AuditContext.withActor("alice");
				Scope cid = AuditContext.withCid("c-1");
				Scope off = AuditContext.disabled()) {
			captured = AuditContext.capture();
		}
		Future<Snapshot[]> seen = this.worker.submit(() -> {
			Snapshot inside;
			try (Scope scope = AuditContext.open(captured)) {
				inside = AuditContext.capture();
			}
			return new Snapshot[] { inside, AuditContext.capture() };
		});
		Snapshot[] snapshots = seen.get(5, TimeUnit.SECONDS);
		assertThat(snapshots[0]).isEqualTo(new Snapshot("alice", "c-1", null, true));
		assertThat(snapshots[1]).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void wrappedRunnableRunsInTheContextOfItsCreation() throws Exception {
		AtomicReference<Snapshot> seen = new AtomicReference<>();
		Runnable task;
		try (Scope actor = AuditContext.withActor("alice");
				Scope cid = AuditContext.withCid("c-1");
				Scope off = AuditContext.disabled()) {
			task = AuditContext.wrap(() -> seen.set(AuditContext.capture()));
		}
		this.worker.submit(task).get(5, TimeUnit.SECONDS);
		assertThat(seen.get()).isEqualTo(new Snapshot("alice", "c-1", null, true));
		assertThat(workerContext()).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void wrappedCallableRunsInTheContextOfItsCreationAndReturnsItsResult() throws Exception {
		Callable<String> task;
		try (Scope actor = AuditContext.withActor("alice");
				Scope cid = AuditContext.withCid("c-1");
				Scope off = AuditContext.disabled()) {
			task = AuditContext
				.wrap(() -> AuditContext.actor() + "/" + AuditContext.cid() + "/" + AuditContext.isDisabled());
		}
		assertThat(this.worker.submit(task).get(5, TimeUnit.SECONDS)).isEqualTo("alice/c-1/true");
		assertThat(workerContext()).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void workerContextIsEmptyAgainAfterAWrappedTaskThrows() throws Exception {
		Runnable task;
		try (Scope actor = AuditContext.withActor("alice")) {
			task = AuditContext.wrap((Runnable) () -> {
				throw new IllegalStateException("boom");
			});
		}
		Future<?> result = this.worker.submit(task);
		assertThat(result).failsWithin(5, TimeUnit.SECONDS);
		assertThat(workerContext()).isEqualTo(Snapshot.EMPTY);
	}

	@Test
	void wrappedTaskRestoresTheRunningThreadsOwnContext() throws Exception {
		Runnable task;
		try (Scope actor = AuditContext.withActor("caller")) {
			task = AuditContext.wrap((Runnable) () -> assertThat(AuditContext.actor()).isEqualTo("caller"));
		}
		Future<String> afterTask = this.worker.submit(() -> {
			try (Scope own = AuditContext.withActor("worker")) {
				task.run();
				return AuditContext.actor();
			}
		});
		assertThat(afterTask.get(5, TimeUnit.SECONDS)).isEqualTo("worker");
	}

	@Test
	void wrappedTaskRunOnTheCallingThreadRestoresItsContext() {
		CountDownLatch ran = new CountDownLatch(1);
		Runnable task;
		try (Scope actor = AuditContext.withActor("creator")) {
			task = AuditContext.wrap(() -> {
				assertThat(AuditContext.actor()).isEqualTo("creator");
				ran.countDown();
			});
		}
		try (Scope actor = AuditContext.withActor("runner")) {
			task.run();
			assertThat(AuditContext.actor()).isEqualTo("runner");
		}
		assertThat(ran.getCount()).isZero();
	}

	private Snapshot workerContext() throws Exception {
		return this.worker.submit(AuditContext::capture).get(5, TimeUnit.SECONDS);
	}

}
