package dev.auditlog.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs a field masked: the first half of its value replaced by {@code *}, in the changes,
 * the serialized state and every event. Put it on a persistent field or its getter, of
 * the entity or of an embeddable: inside an embeddable it masks that field wherever the
 * embeddable is used, embedded ({@code card.number}), nested, or as the elements of an
 * element collection. An annotation that cannot take effect (on a transient or static
 * field, a method that is no getter, or the identifier) stops startup.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuditMask {

}
