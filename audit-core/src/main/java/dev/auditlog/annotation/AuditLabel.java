package dev.auditlog.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label shown for a field in {@code changesDisplay()}, such as
 * {@code @AuditLabel("Product No.")}. Without it, the field name is humanized. Put it on
 * the field or its getter.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuditLabel {

	/**
	 * The label.
	 * @return the label
	 */
	String value();

}
