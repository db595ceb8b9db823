/**
 * Variant 4: the entity audited by JaVers through a {@code @JaversSpringDataAuditable}
 * repository, wired as JaVers' Spring Boot starter wires it.
 */
@NullMarked
package dev.auditlog.benchmarks.variant.javers;

import org.jspecify.annotations.NullMarked;
