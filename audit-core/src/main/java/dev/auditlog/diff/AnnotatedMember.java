package dev.auditlog.diff;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import org.jspecify.annotations.Nullable;

/**
 * A field or method that carries {@link AuditIgnore @AuditIgnore},
 * {@link AuditMask @AuditMask} or {@link AuditLabel @AuditLabel}, with the property it
 * names: a field names itself, a getter the property it reads ({@code getCardNumber()}
 * names {@code cardNumber}, {@code getURL()} names {@code URL}, as JavaBeans
 * decapitalize), and an accessor of a record its component. Whether that property is
 * persistent is for the caller to decide, who knows the mapping.
 *
 * @param member the annotated field or method
 * @param property the property the member names, or {@code null} for a method that is
 * neither a getter nor a record accessor (such as a setter)
 * @param ignore whether the member carries {@link AuditIgnore @AuditIgnore}
 * @param mask whether the member carries {@link AuditMask @AuditMask}
 * @param label the value of {@link AuditLabel @AuditLabel}, or {@code null}
 * @since 0.1.0
 */
public record AnnotatedMember(Member member, @Nullable String property, boolean ignore, boolean mask,
		@Nullable String label) {

	/**
	 * Return the annotated members declared by a class and its superclasses, the class's
	 * own first, fields before methods; synthetic and bridge members are left out.
	 * @param type the class
	 * @return the annotated members, empty when there are none
	 */
	public static List<AnnotatedMember> declaredOn(Class<?> type) {
		List<AnnotatedMember> members = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (!field.isSynthetic()) {
					add(members, field, field.getName(), field.isAnnotationPresent(AuditIgnore.class),
							field.isAnnotationPresent(AuditMask.class), field.getAnnotation(AuditLabel.class));
				}
			}
			for (Method method : current.getDeclaredMethods()) {
				if (!method.isSynthetic() && !method.isBridge()) {
					add(members, method, propertyOf(method), method.isAnnotationPresent(AuditIgnore.class),
							method.isAnnotationPresent(AuditMask.class), method.getAnnotation(AuditLabel.class));
				}
			}
		}
		return members;
	}

	private static void add(List<AnnotatedMember> members, Member member, @Nullable String property, boolean ignore,
			boolean mask, @Nullable AuditLabel label) {
		if (ignore || mask || label != null) {
			members.add(new AnnotatedMember(member, property, ignore, mask, (label != null) ? label.value() : null));
		}
	}

	private static @Nullable String propertyOf(Method method) {
		if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
				|| method.getReturnType() == void.class) {
			return null;
		}
		String name = method.getName();
		if (name.startsWith("get") && name.length() > 3) {
			return decapitalize(name.substring(3));
		}
		if (name.startsWith("is") && name.length() > 2) {
			return decapitalize(name.substring(2));
		}
		if (method.getDeclaringClass().isRecord()) {
			for (RecordComponent component : method.getDeclaringClass().getRecordComponents()) {
				if (component.getName().equals(name)) {
					return name;
				}
			}
		}
		return null;
	}

	private static String decapitalize(String name) {
		if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * Return whether the member is static, and so never a persistent attribute.
	 * @return {@code true} for a static field or method
	 */
	public boolean isStatic() {
		return Modifier.isStatic(this.member.getModifiers());
	}

	/**
	 * Return the member as people name it: {@code CardDetails.number} for a field,
	 * {@code CardDetails.getNumber()} for a method.
	 * @return the class's simple name and the member's name
	 */
	public String describe() {
		String name = this.member.getDeclaringClass().getSimpleName() + "." + this.member.getName();
		return (this.member instanceof Method) ? name + "()" : name;
	}

	/**
	 * Return the names of the annotations the member carries, such as {@code @AuditMask}.
	 * @return the annotation names, in the order ignore, mask, label
	 */
	public String annotations() {
		List<String> names = new ArrayList<>(3);
		if (this.ignore) {
			names.add("@" + AuditIgnore.class.getSimpleName());
		}
		if (this.mask) {
			names.add("@" + AuditMask.class.getSimpleName());
		}
		if (this.label != null) {
			names.add("@" + AuditLabel.class.getSimpleName());
		}
		return String.join(" and ", names);
	}

}
