/**
 * Reading and deleting log entries with plain SQL.
 */
@NullMarked
package dev.auditlog.spring.query;

import org.jspecify.annotations.NullMarked;
