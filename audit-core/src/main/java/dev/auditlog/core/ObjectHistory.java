package dev.auditlog.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the audited state of one object from its log entries: the values of its
 * {@code CREATE}, then every later change up to the instant asked for, in the order the
 * entries were recorded ({@code timestamp}, then {@code id}). Where an entry carries
 * {@code serialized_data} (the state after the change), its values are taken as they are,
 * which also fills fields the changes alone do not name. {@code ACCESS} entries change
 * nothing.
 * <p>
 * Works on entries alone, with no database: the starter reads the entries and knows the
 * model's fields.
 *
 * @since 0.2.0
 */
public final class ObjectHistory {

	private static final Comparator<LogEntry> RECORDED = Comparator.comparing(LogEntry::timestamp)
		.thenComparing((entry) -> (entry.id() != null) ? entry.id() : Long.MAX_VALUE);

	private final String model;

	private final String objectPk;

	private final List<LogEntry> entries;

	private final Fields fields;

	/**
	 * Create the history of one object.
	 * @param model the entity name
	 * @param objectPk the object's key as logged
	 * @param entries its entries, in any order (entries of other objects are ignored)
	 * @param fields what the model's fields are
	 */
	public ObjectHistory(String model, String objectPk, List<LogEntry> entries, Fields fields) {
		this.model = model;
		this.objectPk = objectPk;
		this.entries = entries.stream()
			.filter((entry) -> entry.model().equals(model) && entry.objectPk().equals(objectPk))
			.sorted(RECORDED)
			.toList();
		this.fields = fields;
	}

	/**
	 * Return the entries of the object, oldest first.
	 * @return the entries
	 */
	public List<LogEntry> entries() {
		return this.entries;
	}

	/**
	 * Return the object's audited state at an instant: the effect of every entry recorded
	 * at or before it.
	 * @param at the instant
	 * @return the state
	 */
	public ObjectState stateAt(Instant at) {
		Map<String, @Nullable Object> values = new TreeMap<>();
		Set<String> cut = new TreeSet<>();
		ObjectState.Status status = ObjectState.Status.UNKNOWN;
		boolean earlierMissing = !this.entries.isEmpty() && this.entries.get(0).action() != Action.CREATE;
		LogEntry last = null;
		for (LogEntry entry : this.entries) {
			if (entry.timestamp().isAfter(at)) {
				break;
			}
			switch (entry.action()) {
				case CREATE -> {
					values.clear();
					cut.clear();
					status = ObjectState.Status.EXISTS;
					apply(entry, values, cut);
				}
				case UPDATE -> {
					// an update after a delete, or without a create kept, still tells
					// values
					status = ObjectState.Status.EXISTS;
					apply(entry, values, cut);
				}
				case DELETE -> {
					values.clear();
					cut.clear();
					status = ObjectState.Status.DELETED;
				}
				case ACCESS -> {
					if (status == ObjectState.Status.UNKNOWN) {
						status = ObjectState.Status.EXISTS;
					}
				}
			}
			last = entry;
		}
		if (last == null && !this.entries.isEmpty() && !earlierMissing) {
			status = ObjectState.Status.NOT_YET_CREATED;
		}
		Set<String> missing = new TreeSet<>();
		Set<String> masked = new TreeSet<>();
		if (status == ObjectState.Status.EXISTS) {
			// a field the log does not keep reliably is not known, whatever an entry says
			values.keySet().removeAll(this.fields.excluded());
			missing.addAll(this.fields.excluded());
			for (String field : this.fields.audited()) {
				if (!values.containsKey(field)) {
					if (this.fields.collection().test(field)) {
						// a collection no entry added to is empty, when the history is
						// whole
						if (earlierMissing) {
							missing.add(field);
						}
						else {
							values.put(field, List.of());
						}
					}
					else if (earlierMissing) {
						missing.add(field);
					}
					else {
						// a create logs every field with a value: one it does not name
						// was null
						values.put(field, null);
					}
				}
			}
			values.keySet().stream().filter(this.fields.masked()).forEach(masked::add);
		}
		boolean complete = switch (status) {
			case EXISTS -> missing.isEmpty() && !earlierMissing;
			case NOT_YET_CREATED, DELETED -> true;
			case UNKNOWN -> false;
		};
		return new ObjectState(this.model, this.objectPk, at, status,
				(status == ObjectState.Status.EXISTS) ? values : Map.of(), complete, missing, earlierMissing, masked,
				cut, (last != null) ? last.id() : null, (last != null) ? last.timestamp() : null);
	}

	/**
	 * Return how the object's audited values differ between two instants.
	 * @param from the first instant
	 * @param to the second instant
	 * @return the fields that differ, with their values at each instant
	 */
	public ObjectDiff diff(Instant from, Instant to) {
		ObjectState before = stateAt(from);
		ObjectState after = stateAt(to);
		Set<String> fields = new TreeSet<>(before.values().keySet());
		fields.addAll(after.values().keySet());
		Map<String, List<@Nullable Object>> changes = new LinkedHashMap<>();
		for (String field : fields) {
			Object old = before.values().get(field);
			Object now = after.values().get(field);
			if (!Objects.equals(old, now)) {
				changes.put(field, Arrays.asList(old, now));
			}
		}
		return new ObjectDiff(before, after, changes);
	}

	private static void apply(LogEntry entry, Map<String, @Nullable Object> values, Set<String> cut) {
		entry.changes().asMap().forEach((field, change) -> {
			if (change instanceof ValueChange value) {
				values.put(field, value.newValue());
				if (value.newValue() != null && StoredText.isCut(value.newValue())) {
					cut.add(field);
				}
				else {
					cut.remove(field);
				}
			}
			else if (change instanceof CollectionChange collection) {
				Set<String> elements = new TreeSet<>(elementsOf(values.get(field)));
				if (collection.operation() == CollectionChange.Operation.ADD) {
					elements.addAll(collection.objects());
				}
				else {
					collection.objects().forEach(elements::remove);
				}
				values.put(field, List.copyOf(elements));
			}
		});
		Map<String, @Nullable Object> serialized = entry.serializedData();
		if (serialized != null) {
			serialized.forEach((field, value) -> {
				if (value == null || value instanceof String) {
					values.put(field, value);
				}
				else if (value instanceof List<?> list) {
					List<String> elements = new ArrayList<>();
					list.forEach((element) -> elements.add(String.valueOf(element)));
					elements.sort(Comparator.naturalOrder());
					values.put(field, List.copyOf(elements));
				}
			});
		}
	}

	private static List<String> elementsOf(@Nullable Object value) {
		List<String> elements = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((element) -> elements.add(String.valueOf(element)));
		}
		return elements;
	}

	/**
	 * What a model's fields are, as its policy knows them.
	 *
	 * @param audited the fields whose values or collection changes are logged
	 * @param excluded the fields of the model that are not logged (excluded, or
	 * collections not tracked)
	 * @param masked whether a field is logged masked
	 * @param collection whether a field is a tracked collection
	 */
	public record Fields(Set<String> audited, Set<String> excluded, Predicate<String> masked,
			Predicate<String> collection) {

		/** No knowledge of the model: nothing is known missing, nothing is masked. */
		public static final Fields UNKNOWN = new Fields(Set.of(), Set.of(), (field) -> false, (field) -> false);

		public Fields {
			audited = Set.copyOf(new HashSet<>(audited));
			excluded = Set.copyOf(new HashSet<>(excluded));
		}

	}

}
