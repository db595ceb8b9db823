/**
 * The {@code auditlog} actuator endpoint.
 */
@NullMarked
package dev.auditlog.spring.actuate;

import org.jspecify.annotations.NullMarked;
