/**
 * Values the starter builds fit their columns on every database, for any input.
 */
@NullMarked
package dev.auditlog.spring.fitting;

import org.jspecify.annotations.NullMarked;
