/**
 * The figures of a run and the markdown file they are written to.
 */
@NullMarked
package dev.auditlog.benchmarks.report;

import org.jspecify.annotations.NullMarked;
