/**
 * Carrying the audit context to other threads: executors, {@code @Async} methods and
 * Micrometer context propagation.
 */
@NullMarked
package dev.auditlog.spring.context;

import org.jspecify.annotations.NullMarked;
