/**
 * The PostgreSQL server a benchmark run writes to.
 */
@NullMarked
package dev.auditlog.benchmarks.database;

import org.jspecify.annotations.NullMarked;
