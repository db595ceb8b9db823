/**
 * What the starter reports to Micrometer about its writes, on every database.
 */
@NullMarked
package dev.auditlog.spring.observe;

import org.jspecify.annotations.NullMarked;
