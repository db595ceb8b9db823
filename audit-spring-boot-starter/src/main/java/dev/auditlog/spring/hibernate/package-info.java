/**
 * Hibernate integration: the event listeners that collect the changes of a transaction
 * and the registry of audited entities.
 */
@NullMarked
package dev.auditlog.spring.hibernate;

import org.jspecify.annotations.NullMarked;
