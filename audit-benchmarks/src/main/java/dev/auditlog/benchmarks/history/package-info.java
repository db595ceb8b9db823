/**
 * What searching the log by changed field costs the writes: the GIN index of the
 * {@code V7} migration measured on and off.
 */
@NullMarked
package dev.auditlog.benchmarks.history;

import org.jspecify.annotations.NullMarked;
