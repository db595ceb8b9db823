/**
 * Spring Boot auto-configuration of the audit log: properties and the beans shared by its
 * features.
 */
@NullMarked
package dev.auditlog.spring;

import org.jspecify.annotations.NullMarked;
