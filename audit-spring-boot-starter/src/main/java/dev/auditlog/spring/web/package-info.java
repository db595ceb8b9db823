/**
 * Servlet integration: the request filter binding client address and correlation id, and
 * {@code @AuditAccess} on controller methods.
 */
@NullMarked
package dev.auditlog.spring.web;

import org.jspecify.annotations.NullMarked;
