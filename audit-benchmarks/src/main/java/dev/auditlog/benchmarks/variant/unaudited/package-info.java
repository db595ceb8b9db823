/**
 * Variant 1 (and the control variant): the entity without any auditing.
 */
@NullMarked
package dev.auditlog.benchmarks.variant.unaudited;

import org.jspecify.annotations.NullMarked;
