/**
 * The variants under measurement, each a Spring Boot application of its own in a schema
 * of its own.
 */
@NullMarked
package dev.auditlog.benchmarks.variant;

import org.jspecify.annotations.NullMarked;
