package dev.auditlog.spring.hibernate;

import dev.auditlog.diff.ValueFormatter;
import org.hibernate.proxy.HibernateProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The label of an object as the log shows it: its own {@code toString()} when its class
 * (or a superclass below {@code Object}) declares one, else {@code Model #key}, as
 * django-auditlog writes {@code ModelName object (pk)}. Whether a class declares its own
 * {@code toString()} is decided once per class; a {@code toString()} that throws is
 * answered with {@code Model #key} too.
 */
final class ObjectLabels {

	private static final Logger logger = LoggerFactory.getLogger(ObjectLabels.class);

	private static final ValueFormatter KEYS = new ValueFormatter();

	private static final ClassValue<Boolean> OWN_TO_STRING = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			for (Class<?> declaring = type; declaring != null
					&& declaring != Object.class; declaring = declaring.getSuperclass()) {
				try {
					declaring.getDeclaredMethod("toString");
					return true;
				}
				catch (NoSuchMethodException ex) {
					// look further up
				}
			}
			return false;
		}

	};

	private ObjectLabels() {
	}

	/**
	 * Return whether the given class has a {@code toString()} of its own.
	 */
	static boolean hasOwnToString(Class<?> type) {
		return OWN_TO_STRING.get(type);
	}

	/**
	 * Return the label of an initialized entity.
	 * @param entity the entity (not a proxy)
	 * @param entityName the name of its model
	 * @param id its identifier
	 * @return its {@code toString()}, or {@code Model #key}
	 */
	static String of(Object entity, String entityName, Object id) {
		Class<?> type = (entity instanceof HibernateProxy proxy)
				? proxy.getHibernateLazyInitializer().getPersistentClass() : entity.getClass();
		if (hasOwnToString(type)) {
			try {
				return String.valueOf(entity);
			}
			catch (RuntimeException | StackOverflowError ex) {
				// also a generated toString() of entities that reference each other,
				// which
				// recurses without end
				logger.debug("toString() of {} #{} failed; labelling it with its name and key instead", entityName, id,
						ex);
			}
		}
		return byKey(entityName, id);
	}

	/**
	 * Return {@code Model #key}.
	 */
	static String byKey(String entityName, Object id) {
		return entityName + " #" + KEYS.formatKey(LogEntryRecorder.keyOf(id));
	}

}
