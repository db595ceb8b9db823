package dev.auditlog.spring.aot;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Embeddable;
import jakarta.persistence.IdClass;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

/**
 * Registers reflection hints for what the starter reads reflectively from the
 * application's entities: their declared fields and methods (audit annotations, values of
 * composite keys, whether {@code toString()} is their own), and the same of the
 * embeddables, {@code @IdClass} keys and enums their fields hold (enum constants and
 * their {@code @AuditLabel}s). The entities are those of every
 * {@link PersistenceManagedTypes} bean, as Spring Boot's JPA auto-configuration defines
 * it for the scanned entities. Hibernate's and Spring's own hints for the entities are
 * left to them.
 *
 * @since 0.1.0
 */
class AuditedTypesAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final MemberCategory[] CATEGORIES = { MemberCategory.ACCESS_DECLARED_FIELDS,
			MemberCategory.INTROSPECT_DECLARED_METHODS, MemberCategory.ACCESS_PUBLIC_FIELDS };

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> types = new LinkedHashSet<>();
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		for (String name : beanFactory.getBeanNamesForType(PersistenceManagedTypes.class, false, false)) {
			PersistenceManagedTypes managed = beanFactory.getBean(name, PersistenceManagedTypes.class);
			for (String className : managed.getManagedClassNames()) {
				if (ClassUtils.isPresent(className, classLoader)) {
					collect(ClassUtils.resolveClassName(className, classLoader), types, new HashSet<>());
				}
			}
		}
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), types);
	}

	static void register(RuntimeHints hints, Set<Class<?>> types) {
		for (Class<?> type : types) {
			hints.reflection().registerType(type, CATEGORIES);
		}
	}

	/**
	 * Add the type, its superclasses and the embeddables, key classes and enums its
	 * fields hold.
	 */
	static void collect(Class<?> type, Set<Class<?>> types, Set<Class<?>> seen) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			if (!seen.add(current)) {
				return;
			}
			types.add(current);
			IdClass idClass = current.getAnnotation(IdClass.class);
			if (idClass != null) {
				collect(idClass.value(), types, seen);
			}
			for (Field field : current.getDeclaredFields()) {
				Class<?> fieldType = field.getType();
				if (fieldType.isEnum()) {
					types.add(fieldType);
				}
				else if (fieldType.isAnnotationPresent(Embeddable.class)) {
					collect(fieldType, types, seen);
				}
			}
		}
	}

}
