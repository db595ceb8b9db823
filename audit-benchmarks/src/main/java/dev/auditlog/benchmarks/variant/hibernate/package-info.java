/**
 * Variant 5: the entity audited by Hibernate ORM 7.4's own incubating auditing
 * ({@code org.hibernate.annotations.Audited} with a {@code @Changelog} entity).
 */
@NullMarked
package dev.auditlog.benchmarks.variant.hibernate;

import org.jspecify.annotations.NullMarked;
