/**
 * The audit log's entry point: {@link dev.auditlog.AuditLog}.
 */
@NullMarked
package dev.auditlog;

import org.jspecify.annotations.NullMarked;
