/**
 * Events published around the writing of a log entry.
 */
@NullMarked
package dev.auditlog.event;

import org.jspecify.annotations.NullMarked;
