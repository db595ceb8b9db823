package dev.auditlog.core;

import org.jspecify.annotations.Nullable;

/**
 * A field whose value went from {@code oldValue} to {@code newValue}, both already
 * stringified (and masked where the policy says so). Written as {@code [old, new]}.
 *
 * @param oldValue the value before the change, or {@code null} (always on create)
 * @param newValue the value after the change, or {@code null} (always on delete)
 * @since 0.1.0
 */
public record ValueChange(@Nullable String oldValue, @Nullable String newValue) implements FieldChange {

}
