package dev.auditlog.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs an attribute stored through an {@code AttributeConverter} as the Java value the
 * application holds rather than as the value of its column. By default a converted
 * attribute is logged as its column holds it (an upper-casing converter's {@code "DE"}),
 * and an attribute whose converter writes a different column value for the same Java
 * value each time (an encrypting converter with a random IV) is logged as a note that
 * tells that it changed, never in clear. With this annotation the Java value is logged in
 * clear: add {@link AuditMask @AuditMask} to log it masked. Values are compared as the
 * column compares them either way. Put it on the persistent field or its getter; on an
 * attribute without a converter it stops startup.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuditJavaValue {

}
