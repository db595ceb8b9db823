package dev.auditlog.spring.query;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.core.Action;

/**
 * How many entries were recorded in a window of time, by action, by model and by actor.
 *
 * @param from the start of the window (inclusive)
 * @param to the end of the window (exclusive)
 * @param actions the number of entries of each action, every action present
 * @param models the number of entries of each model, most frequent first, at most
 * {@value #MAX_GROUPS}
 * @param actors the number of entries of each actor, most frequent first, at most
 * {@value #MAX_GROUPS}
 * @param withoutActor the number of entries without an actor (anonymous or unknown)
 * @since 0.1.0
 */
public record LogEntrySummary(Instant from, Instant to, Map<Action, Long> actions, Map<String, Long> models,
		Map<String, Long> actors, long withoutActor) {

	/** The largest number of models and of actors listed. */
	public static final int MAX_GROUPS = 100;

	public LogEntrySummary {
		EnumMap<Action, Long> all = new EnumMap<>(Action.class);
		for (Action action : Action.values()) {
			all.put(action, actions.getOrDefault(action, 0L));
		}
		actions = Collections.unmodifiableMap(all);
		models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
		actors = Collections.unmodifiableMap(new LinkedHashMap<>(actors));
	}

	/**
	 * Return the number of entries in the window.
	 * @return the sum of the counts by action
	 */
	public long total() {
		return this.actions.values().stream().mapToLong(Long::longValue).sum();
	}

}
