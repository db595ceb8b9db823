/**
 * The diff engine: entity snapshots, field policies, value formatting and masking.
 */
@NullMarked
package dev.auditlog.diff;

import org.jspecify.annotations.NullMarked;
