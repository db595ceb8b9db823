/**
 * Suspicious-request monitoring and login-burst detection, recorded as system events in
 * {@code auditlog_event}.
 */
@NullMarked
package dev.auditlog.spring.monitoring;

import org.jspecify.annotations.NullMarked;
