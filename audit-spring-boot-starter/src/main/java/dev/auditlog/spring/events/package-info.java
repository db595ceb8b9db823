/**
 * Authentication and authorization events, stored in {@code auditlog_event} and browsed
 * by Spring Boot's {@code /actuator/auditevents}.
 */
@NullMarked
package dev.auditlog.spring.events;

import org.jspecify.annotations.NullMarked;
