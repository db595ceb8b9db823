package dev.auditlog.core;

import java.util.List;
import java.util.Locale;

/**
 * Elements added to or removed from a collection field, listed by their representation.
 * Written as {@code {"type":"m2m","operation":"add","objects":[...]}}.
 *
 * @param operation whether the objects were added or removed
 * @param objects the representations of the objects, sorted
 * @since 0.1.0
 */
public record CollectionChange(Operation operation, List<String> objects) implements FieldChange {

	/** The value of the {@code type} member in the written JSON. */
	public static final String TYPE = "m2m";

	public CollectionChange {
		objects = List.copyOf(objects);
	}

	/**
	 * What happened to the listed objects.
	 */
	public enum Operation {

		/** The objects were added to the collection. */
		ADD,

		/** The objects were removed from the collection. */
		DELETE;

		/**
		 * Return the name written in the JSON.
		 * @return {@code "add"} or {@code "delete"}
		 */
		public String jsonName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Return the operation written as the given JSON name.
		 * @param name {@code "add"} or {@code "delete"}
		 * @return the operation
		 */
		public static Operation fromJsonName(String name) {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}

	}

}
