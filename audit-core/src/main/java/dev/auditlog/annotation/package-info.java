/**
 * Annotations that register entities and fields with the audit log.
 */
@NullMarked
package dev.auditlog.annotation;

import org.jspecify.annotations.NullMarked;
