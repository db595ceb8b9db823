package dev.auditlog.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happened to an audited object. The numeric {@link #value() value} is what is
 * stored; a higher value is more intrusive, as in django-auditlog.
 *
 * @since 0.1.0
 */
public enum Action {

	/** The object was created. */
	CREATE(0),

	/** At least one audited field of the object changed. */
	UPDATE(1),

	/** The object was deleted. */
	DELETE(2),

	/** The object was read, and the read was recorded on purpose. */
	ACCESS(3);

	private final int value;

	Action(int value) {
		this.value = value;
	}

	/**
	 * Return the number stored for this action.
	 * @return 0 for {@code CREATE} up to 3 for {@code ACCESS}
	 */
	public int value() {
		return this.value;
	}

	/**
	 * Return the action stored as the given number.
	 * @param value the stored number
	 * @return the action
	 * @throws IllegalArgumentException if no action has that number
	 */
	public static Action fromValue(int value) {
		for (Action action : values()) {
			if (action.value == value) {
				return action;
			}
		}
		throw new IllegalArgumentException("No audit action has the value " + value + " (expected 0 to 3)");
	}

	/**
	 * Return the action of the given name, ignoring case.
	 * @param name the name, such as {@code "update"}
	 * @return the action
	 * @throws IllegalArgumentException naming the value and the valid names if none
	 * matches
	 */
	public static Action fromName(String name) {
		String upper = name.trim().toUpperCase(Locale.ROOT);
		for (Action action : values()) {
			if (action.name().equals(upper)) {
				return action;
			}
		}
		throw new IllegalArgumentException("Unknown audit action '" + name + "' (expected one of "
				+ Arrays.stream(values()).map(Action::name).collect(Collectors.joining(", ")) + ")");
	}

}
