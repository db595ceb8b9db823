/**
 * The audit log's own tables and their migration.
 */
@NullMarked
package dev.auditlog.spring.schema;

import org.jspecify.annotations.NullMarked;
