/**
 * JMH benchmark of the diff engine.
 */
@NullMarked
package dev.auditlog.benchmarks.diff;

import org.jspecify.annotations.NullMarked;
