/**
 * Variant 2: the entity audited by this project's starter ({@code @Auditable}).
 */
@NullMarked
package dev.auditlog.benchmarks.variant.auditlog;

import org.jspecify.annotations.NullMarked;
