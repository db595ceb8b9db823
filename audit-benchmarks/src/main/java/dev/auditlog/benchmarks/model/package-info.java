/**
 * The entity every variant writes: the same fields and associations, mapped once.
 */
@NullMarked
package dev.auditlog.benchmarks.model;

import org.jspecify.annotations.NullMarked;
