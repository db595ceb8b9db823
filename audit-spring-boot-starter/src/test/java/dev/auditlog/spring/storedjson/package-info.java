/**
 * The stored JSON is the audit log's own format, whatever the application's Jackson
 * configuration, on every database.
 */
@NullMarked
package dev.auditlog.spring.storedjson;

import org.jspecify.annotations.NullMarked;
