package dev.auditlog.spring.actor;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.security.SecurityContextActorResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precedence of {@link ActorResolution}: an explicit scope, then the resolver of the
 * current thread, then the actor handed over with the work.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActorResolutionTests {

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	/** What the resolver of each thread answers: a request thread's user, nobody else. */
	private final ThreadLocal<String> requestUser = new ThreadLocal<>();

	private final ActorResolution resolution = new ActorResolution(this.requestUser::get);

	@AfterEach
	void stop() {
		this.worker.shutdownNow();
		SecurityContextHolder.clearContext();
	}

	@Test
	void explicitActorWinsOverTheResolver() {
		this.requestUser.set("alice");
		assertThat(this.resolution.currentActor()).isEqualTo("alice");
		try (AuditContext.Scope scope = AuditContext.withActor("nightly-import")) {
			assertThat(this.resolution.currentActor()).isEqualTo("nightly-import");
		}
		assertThat(this.resolution.currentActor()).isEqualTo("alice");
		this.requestUser.remove();
		assertThat(this.resolution.currentActor()).isNull();
	}

	@Test
	void handedOverWorkKeepsTheActorDecidedWhenItWasHandedOver() throws Exception {
		this.requestUser.set("alice");
		Runnable task;
		AtomicReference<String> seen = new AtomicReference<>();
		try (AuditContext.Scope cid = AuditContext.withCid("c-1")) {
			task = this.resolution.wrap(() -> seen.set(this.resolution.currentActor() + "/" + AuditContext.cid()));
		}
		this.requestUser.set("bob");
		run(task);
		assertThat(seen).hasValue("alice/c-1");
		// the worker thread is clean again for the next task
		assertThat(call(this.resolution::currentActor)).isNull();
		assertThat(call(AuditContext::cid)).isNull();
	}

	@Test
	void explicitActorIsHandedOverAndWinsOnTheWorker() throws Exception {
		this.requestUser.set("alice");
		Callable<String> task;
		try (AuditContext.Scope scope = AuditContext.withActor("importer")) {
			task = this.resolution.wrap(this.resolution::currentActor);
		}
		assertThat(call(task)).isEqualTo("importer");
	}

	@Test
	void workerThatResolvesSomeoneItselfRecordsThem() throws Exception {
		this.requestUser.set("alice");
		Callable<String> task = this.resolution.wrap(() -> {
			this.requestUser.set("run-as-system");
			try {
				return this.resolution.currentActor();
			}
			finally {
				this.requestUser.remove();
			}
		});
		assertThat(call(task)).isEqualTo("run-as-system");
	}

	@Test
	void workHandedOverFromAWorkerKeepsTheFirstActor() throws Exception {
		this.requestUser.set("alice");
		ExecutorService second = Executors.newSingleThreadExecutor();
		try {
			Callable<String> task = this.resolution.wrap(
					() -> second.submit(this.resolution.wrap(this.resolution::currentActor)).get(10, TimeUnit.SECONDS));
			assertThat(call(task)).isEqualTo("alice");
		}
		finally {
			second.shutdownNow();
		}
	}

	@Test
	void nobodyIsHandedOverAsNobody() throws Exception {
		assertThat(call(this.resolution.wrap(this.resolution::currentActor))).isNull();
	}

	@Test
	void failingResolverNamesNoOneAndDoesNotStopTheWork(CapturedOutput output) throws Exception {
		ActorResolver failing = () -> {
			throw new IllegalStateException("directory unavailable");
		};
		ActorResolution resolution = new ActorResolution(failing);
		assertThat(resolution.currentActor()).isNull();
		assertThat(call(resolution.wrap(() -> "ran"))).isEqualTo("ran");
		try (AuditContext.Scope scope = AuditContext.withActor("explicit")) {
			assertThat(resolution.currentActor()).isEqualTo("explicit");
		}
		assertThat(output.getOut()).contains("recording no actor", "directory unavailable");
	}

	@Test
	void springSecurityUserCrossesAsANameOnly() throws Exception {
		ActorResolution resolution = new ActorResolution(new SecurityContextActorResolver());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
		assertThat(resolution.currentActor()).isEqualTo("alice");
		Callable<String> task = resolution.wrap(() -> resolution.currentActor() + "/"
				+ (SecurityContextHolder.getContext().getAuthentication() == null));
		assertThat(call(task)).isEqualTo("alice/true");
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(resolution.currentActor()).isNull();
		assertThat(call(resolution.wrap(resolution::currentActor))).isNull();
	}

	private void run(Runnable task) throws Exception {
		this.worker.submit(task).get(10, TimeUnit.SECONDS);
	}

	private <V> V call(Callable<V> task) throws Exception {
		Future<V> future = this.worker.submit(task);
		return future.get(10, TimeUnit.SECONDS);
	}

}
