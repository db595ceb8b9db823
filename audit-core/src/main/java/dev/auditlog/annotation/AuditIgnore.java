package dev.auditlog.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Excludes a field from the audit log: it is never diffed or logged, and a change to it
 * alone writes no entry. Put it on a persistent field or its getter, of the entity or of
 * an embeddable: inside an embeddable it excludes that field wherever the embeddable is
 * used, embedded, nested, or as the elements of an element collection. An annotation that
 * cannot take effect (on a transient or static field, a method that is no getter, or a
 * part of a composite identifier) stops startup.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuditIgnore {

}
