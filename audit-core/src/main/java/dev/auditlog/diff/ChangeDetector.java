package dev.auditlog.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.Masker;
import dev.auditlog.core.ValueChange;
import org.jspecify.annotations.Nullable;

/**
 * The diff engine: compares two snapshots of an entity under its {@link FieldPolicy} and
 * returns what changed, stringified and masked.
 * <ul>
 * <li>create (no old snapshot): {@code [null, new]} for every audited field with a
 * value;</li>
 * <li>delete (no new snapshot): {@code [old, null]} for every audited field with a
 * value;</li>
 * <li>update: {@code [old, new]} for every audited field whose value changed; none, and
 * so no entry, when nothing audited changed.</li>
 * </ul>
 * Collections are compared with {@link #diffCollection}: one change set per operation.
 *
 * @since 0.1.0
 */
public final class ChangeDetector {

	private final ValueFormatter formatter;

	private final Masker masker;

	/**
	 * Create a detector with the default formatting and masking.
	 */
	public ChangeDetector() {
		this(new ValueFormatter(), Masker.firstHalf());
	}

	/**
	 * Create a detector.
	 * @param formatter turns values into strings
	 * @param masker masks the values of masked fields
	 */
	public ChangeDetector(ValueFormatter formatter, Masker masker) {
		this.formatter = formatter;
		this.masker = masker;
	}

	/**
	 * Return the value changes between two snapshots of one entity.
	 * @param before the state before, or {@code null} for a create
	 * @param after the state after, or {@code null} for a delete
	 * @param policy the model's policy
	 * @return the changes, empty when nothing audited changed
	 */
	public Changes diff(@Nullable EntitySnapshot before, @Nullable EntitySnapshot after, FieldPolicy policy) {
		Map<String, @Nullable Object> oldValues = (before != null) ? before.values() : Map.of();
		Map<String, @Nullable Object> newValues = (after != null) ? after.values() : Map.of();
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		for (String field : policy.auditedFields()) {
			Object oldValue = oldValues.get(field);
			Object newValue = newValues.get(field);
			if (this.formatter.same(oldValue, newValue)) {
				continue;
			}
			changes.put(field, new ValueChange(stringOf(field, oldValue, policy), stringOf(field, newValue, policy)));
		}
		return Changes.of(changes).withDisplayRules(policy.displayRules());
	}

	/**
	 * Return the changes of one collection field: one change set of the added elements
	 * and one of the removed elements, each only when not empty, elements listed by their
	 * representation and sorted.
	 * @param field the collection field
	 * @param before the elements before
	 * @param after the elements after
	 * @param policy the model's policy
	 * @return zero, one or two change sets; none when the collection is not tracked
	 */
	public List<Changes> diffCollection(String field, Collection<?> before, Collection<?> after, FieldPolicy policy) {
		if (!policy.tracksCollection(field)) {
			return List.of();
		}
		Set<?> oldElements = (before instanceof Set<?> set) ? set : new LinkedHashSet<>(before);
		Set<?> newElements = (after instanceof Set<?> set) ? set : new LinkedHashSet<>(after);
		List<Changes> changes = new ArrayList<>(2);
		addCollectionChange(changes, field, Operation.ADD, newElements, oldElements, policy);
		addCollectionChange(changes, field, Operation.DELETE, oldElements, newElements, policy);
		return changes;
	}

	private void addCollectionChange(List<Changes> changes, String field, Operation operation, Set<?> elements,
			Set<?> without, FieldPolicy policy) {
		List<String> objects = new ArrayList<>();
		for (Object element : elements) {
			if (!without.contains(element)) {
				objects.add(maskIfNeeded(field, representationOf(element), policy));
			}
		}
		if (!objects.isEmpty()) {
			objects.sort(null);
			changes.add(Changes.of(Map.of(field, new CollectionChange(operation, objects)))
				.withDisplayRules(policy.displayRules()));
		}
	}

	/**
	 * Return the state to store with an entry: the serialized fields as stable strings
	 * (collections as lists of representations), masked where the policy says so.
	 * @param state the state after the change
	 * @param policy the model's policy
	 * @return field name to value, or {@code null} when the model does not store its
	 * state
	 */
	public @Nullable Map<String, @Nullable Object> serialize(EntitySnapshot state, FieldPolicy policy) {
		if (!policy.serializeData()) {
			return null;
		}
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		state.values().forEach((field, value) -> {
			if (policy.isSerialized(field)) {
				data.put(field, (value instanceof Collection<?> elements) ? representationsOf(field, elements, policy)
						: stringOf(field, value, policy));
			}
		});
		return data;
	}

	/**
	 * Mask the values of the masked fields in changes made elsewhere, such as changes
	 * logged by hand, and attach the model's display rules.
	 * @param changes the changes, in clear
	 * @param policy the model's policy
	 * @return the changes as they may be stored
	 */
	public Changes mask(Changes changes, FieldPolicy policy) {
		Map<String, FieldChange> masked = new LinkedHashMap<>();
		changes.asMap().forEach((field, change) -> {
			if (!policy.isMasked(field)) {
				masked.put(field, change);
			}
			else if (change instanceof ValueChange value) {
				masked.put(field,
						new ValueChange((value.oldValue() != null) ? this.masker.mask(value.oldValue()) : null,
								(value.newValue() != null) ? this.masker.mask(value.newValue()) : null));
			}
			else if (change instanceof CollectionChange collection) {
				masked.put(field, new CollectionChange(collection.operation(),
						collection.objects().stream().map(this.masker::mask).sorted().toList()));
			}
		});
		return Changes.of(masked).withDisplayRules(policy.displayRules());
	}

	/**
	 * Return the representation of a collection element or referenced entity: its
	 * {@code toString()} when known, else its id.
	 * @param element the element
	 * @return the representation
	 */
	public String representationOf(@Nullable Object element) {
		if (element instanceof EntityRef ref && ref.repr() != null) {
			return ref.repr();
		}
		String text = this.formatter.format(element, dev.auditlog.core.FkRepresentation.ID);
		return (text != null) ? text : "null";
	}

	private List<String> representationsOf(String field, Collection<?> elements, FieldPolicy policy) {
		List<String> objects = new ArrayList<>(elements.size());
		for (Object element : elements) {
			objects.add(maskIfNeeded(field, representationOf(element), policy));
		}
		objects.sort(null);
		return objects;
	}

	private @Nullable String stringOf(String field, @Nullable Object value, FieldPolicy policy) {
		String text = this.formatter.format(value, policy.fkRepresentation());
		return (text != null) ? maskIfNeeded(field, text, policy) : null;
	}

	private String maskIfNeeded(String field, String text, FieldPolicy policy) {
		return policy.isMasked(field) ? this.masker.mask(text) : text;
	}

}
