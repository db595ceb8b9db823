/**
 * Variant 3: the entity audited by Hibernate Envers ({@code @Audited}, default strategy).
 */
@NullMarked
package dev.auditlog.benchmarks.variant.envers;

import org.jspecify.annotations.NullMarked;
