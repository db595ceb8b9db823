/**
 * Export of the audit log to Kafka: a relay publishes every committed entry, and every
 * seal when integrity is on, reading the entries table as a transactional outbox.
 */
@NullMarked
package dev.auditlog.spring.export;

import org.jspecify.annotations.NullMarked;
