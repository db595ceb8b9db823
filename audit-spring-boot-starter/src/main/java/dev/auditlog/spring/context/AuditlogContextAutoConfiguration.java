package dev.auditlog.spring.context;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.AuditlogAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the {@link AuditContext} (actor, correlation id, client address, disabled) and
 * the actor the {@link ActorResolution} decided — Spring Security's user included — to
 * work handed to Spring Boot's task executors and schedulers: {@code @Async} methods,
 * {@code CompletableFuture}s on those executors, and virtual threads when
 * {@code spring.threads.virtual.enabled} is set. Spring Boot combines this decorator with
 * the application's own (and with {@code ContextPropagatingTaskDecorator} under
 * {@code spring.task.execution.propagate-context}). Only the actor's name crosses, not
 * Spring Security's context: what {@code @Async} code may do is left as the application
 * configured it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogAutoConfiguration.class,
		beforeName = { "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
public final class AuditlogContextAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "auditlogTaskDecorator")
	TaskDecorator auditlogTaskDecorator(ActorResolution actorResolution) {
		return actorResolution::wrap;
	}

}
