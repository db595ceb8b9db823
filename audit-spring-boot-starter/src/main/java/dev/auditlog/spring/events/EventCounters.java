package dev.auditlog.spring.events;

/**
 * Counts the system events the store wrote and could not write, by type. Without
 * Micrometer, or without a meter registry, it counts nothing ({@link #NONE}).
 */
interface EventCounters {

	/** Counts nothing. */
	EventCounters NONE = new EventCounters() {
	};

	/**
	 * Count an event that was written.
	 * @param type the type of the event, such as {@code DATA_EXPORT}
	 */
	default void written(String type) {
	}

	/**
	 * Count an event that could not be written.
	 * @param type the type of the event
	 */
	default void failed(String type) {
	}

}
