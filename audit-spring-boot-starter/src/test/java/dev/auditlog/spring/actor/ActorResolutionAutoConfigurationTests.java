package dev.auditlog.spring.actor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.context.AuditlogContextAutoConfiguration;
import dev.auditlog.spring.security.SecurityContextActorResolver;
import dev.auditlog.spring.web.ServletPrincipalActorResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.data.domain.AuditorAware;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@link ActorResolver} the {@link ActorResolution} asks, for every class path, and
 * that an application's resolver always wins.
 */
class ActorResolutionAutoConfigurationTests {

	private static final List<FilteredClassLoader> CLASS_PATHS = List.of(new FilteredClassLoader(new Class<?>[0]),
			new FilteredClassLoader(SecurityContextHolder.class),
			new FilteredClassLoader(SecurityContextHolder.class, RequestContextHolder.class));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AuditlogContextAutoConfiguration.class, AuditlogAutoConfiguration.class));

	@Test
	void resolverFollowsTheClassPath() {
		List<Class<?>> expected = List.of(SecurityContextActorResolver.class, ServletPrincipalActorResolver.class,
				ActorResolver.class);
		for (int i = 0; i < CLASS_PATHS.size(); i++) {
			Class<?> type = expected.get(i);
			this.contextRunner.withClassLoader(CLASS_PATHS.get(i)).run((context) -> {
				assertThat(context).hasSingleBean(ActorResolver.class).hasSingleBean(ActorResolution.class);
				assertThat(context.getBean(ActorResolver.class)).isInstanceOf(type);
				assertThat(context.getBean(ActorResolution.class).currentActor()).isNull();
			});
		}
	}

	@Test
	void applicationResolverWinsOnEveryClassPath() {
		for (FilteredClassLoader classPath : CLASS_PATHS) {
			this.contextRunner.withClassLoader(classPath)
				.withBean("ownActorResolver", ActorResolver.class, () -> () -> "own")
				.run((context) -> {
					assertThat(context).hasSingleBean(ActorResolver.class);
					assertThat(context.getBean(ActorResolution.class).currentActor()).isEqualTo("own");
				});
		}
	}

	@Test
	void auditorAwareAndTaskDecoratorAskTheSameResolution() {
		Thread caller = Thread.currentThread();
		ActorResolver onThisThreadOnly = () -> (Thread.currentThread() == caller) ? "own" : null;
		this.contextRunner.withBean("ownActorResolver", ActorResolver.class, () -> onThisThreadOnly).run((context) -> {
			@SuppressWarnings("unchecked")
			AuditorAware<String> auditorAware = context.getBean(AuditorAware.class);
			assertThat(auditorAware.getCurrentAuditor()).isEqualTo(Optional.of("own"));
			TaskDecorator decorator = context.getBean("auditlogTaskDecorator", TaskDecorator.class);
			CompletableFuture<Optional<String>> seen = new CompletableFuture<>();
			Thread worker = new Thread(decorator.decorate(() -> seen.complete(auditorAware.getCurrentAuditor())));
			worker.start();
			assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(Optional.of("own"));
		});
	}

}
