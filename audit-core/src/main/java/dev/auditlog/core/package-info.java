/**
 * The audit log model: actions, log entries, field changes, queries and the audit
 * context.
 */
@NullMarked
package dev.auditlog.core;

import org.jspecify.annotations.NullMarked;
