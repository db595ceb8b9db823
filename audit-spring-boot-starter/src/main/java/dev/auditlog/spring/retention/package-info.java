/**
 * Deleting old log entries on a schedule.
 */
@NullMarked
package dev.auditlog.spring.retention;

import org.jspecify.annotations.NullMarked;
