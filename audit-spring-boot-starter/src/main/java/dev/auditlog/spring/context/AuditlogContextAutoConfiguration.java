package dev.auditlog.spring.context;

import dev.auditlog.core.AuditContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the {@link AuditContext} (actor, correlation id, client address, disabled) to
 * work handed to Spring Boot's task executors: {@code @Async} methods,
 * {@code CompletableFuture}s on those executors, and virtual threads when
 * {@code spring.threads.virtual.enabled} is set. Spring Boot combines this decorator with
 * the application's own.
 *
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
public final class AuditlogContextAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "auditlogTaskDecorator")
	TaskDecorator auditlogTaskDecorator() {
		return AuditContext::wrap;
	}

}
