/**
 * Benchmarks of the audit log: its writes side by side with unaudited writes, Hibernate
 * Envers, JaVers and Hibernate's own auditing, and the diff engine under JMH.
 */
@NullMarked
package dev.auditlog.benchmarks;

import org.jspecify.annotations.NullMarked;
