/**
 * The audit log's browsing page: static HTML, CSS and JavaScript modules that read the
 * {@code auditlog} actuator endpoint.
 */
@NullMarked
package dev.auditlog.spring.ui;

import org.jspecify.annotations.NullMarked;
