package dev.auditlog.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.Masker;
import dev.auditlog.core.ValueChange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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
 * <p>
 * A JSON document ({@link FieldPolicy.Builder#documentField(String)}) is logged as its
 * canonical JSON text: members sorted by name, numbers, booleans, nulls, arrays and
 * objects kept as JSON, no white space. Two documents are compared as documents, so
 * member order alone is no change. Paths inside it that {@code exclude-fields} names are
 * left out before comparing; paths that {@code mask-fields} names are replaced by the
 * masked text of their value. An element of a collection of embeddables
 * ({@link EmbeddableValue}) is logged the same way, as a JSON object of its fields, each
 * a string as any other value.
 *
 * @since 0.1.0
 */
public final class ChangeDetector {

	private static final System.Logger logger = System.getLogger(ChangeDetector.class.getName());

	/** Logged instead of a value whose masked or excluded parts could not be found. */
	static final String UNREADABLE = "(not logged: the value could not be read as JSON to mask it)";

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
		Collection<String> audited = policy.auditedFields();
		if (oldValues.size() + newValues.size() < audited.size()) {
			// snapshots of some fields only (an update's dirty fields): a field in
			// neither
			// did not change, so only theirs are compared
			for (String field : newValues.keySet()) {
				if (policy.isAudited(field)) {
					diffField(field, oldValues.get(field), newValues.get(field), policy, changes);
				}
			}
			for (String field : oldValues.keySet()) {
				if (!newValues.containsKey(field) && policy.isAudited(field)) {
					diffField(field, oldValues.get(field), null, policy, changes);
				}
			}
		}
		else {
			for (String field : audited) {
				diffField(field, oldValues.get(field), newValues.get(field), policy, changes);
			}
		}
		return Changes.of(changes).withDisplayRules(policy.displayRules());
	}

	private void diffField(String field, @Nullable Object oldValue, @Nullable Object newValue, FieldPolicy policy,
			Map<String, FieldChange> changes) {
		NestedPaths nested = policy.nestedPaths(field);
		if (nested != null) {
			NestedValue oldNested = nestedValue(field, oldValue, nested, policy);
			NestedValue newNested = nestedValue(field, newValue, nested, policy);
			if (!Objects.equals(oldNested, newNested)) {
				changes.put(field,
						new ValueChange(loggedText(field, oldNested, policy), loggedText(field, newNested, policy)));
			}
			return;
		}
		if (!this.formatter.same(oldValue, newValue)) {
			changes.put(field, new ValueChange(stringOf(field, oldValue, policy), stringOf(field, newValue, policy)));
		}
	}

	/**
	 * Return the changes of one unordered collection field (a set, a bag, the values of a
	 * map): one change set of the added elements and one of the removed elements, each
	 * only when not empty, elements listed by their representation and sorted. The
	 * collections are compared as bags: an element held twice counts twice, so adding a
	 * second {@code X} is an addition of {@code X} and removing one of two is a removal.
	 * Order is not a change. Same as {@code diffCollection(field, before, after, false,
	 * policy)}.
	 * @param field the collection field
	 * @param before the elements before
	 * @param after the elements after
	 * @param policy the model's policy
	 * @return zero, one or two change sets; none when the collection is not tracked
	 */
	public List<Changes> diffCollection(String field, Collection<?> before, Collection<?> after, FieldPolicy policy) {
		return diffCollection(field, before, after, false, policy);
	}

	/**
	 * Return the changes of one collection field: one change set of the added elements
	 * and one of the removed elements, each only when not empty, elements listed by their
	 * representation and sorted, counted as bags (an element held twice counts twice).
	 * For an ordered collection (a {@code List} whose order the database stores, with an
	 * {@code @OrderColumn}), a third change set records a change of order, when the
	 * elements that stayed are no longer in the same order: {@code {"field": ["[a, b,
	 * c]", "[b, a, c]"]}}, the whole list before and after, each element masked on its
	 * own where the field is masked.
	 * @param field the collection field
	 * @param before the elements before, in their order when {@code ordered}
	 * @param after the elements after, in their order when {@code ordered}
	 * @param ordered whether the order of the elements is stored
	 * @param policy the model's policy
	 * @return zero to three change sets: additions, removals, then the change of order;
	 * none when the collection is not tracked
	 * @since 0.1.0
	 */
	public List<Changes> diffCollection(String field, Collection<?> before, Collection<?> after, boolean ordered,
			FieldPolicy policy) {
		if (!policy.tracksCollection(field)) {
			return List.of();
		}
		NestedPaths nested = policy.nestedPaths(field);
		if (nested != null) {
			// compared by their clear JSON without the excluded paths, logged masked
			before = nestedValues(field, before, nested, policy);
			after = nestedValues(field, after, nested, policy);
		}
		Map<Object, Integer> remaining = counts(before);
		List<Object> added = new ArrayList<>();
		for (Object element : after) {
			if (remaining.merge(element, -1, Integer::sum) < 0) {
				added.add(element);
			}
		}
		List<Object> removed = new ArrayList<>();
		remaining.forEach((element, count) -> {
			for (int i = 0; i < count; i++) {
				removed.add(element);
			}
		});
		List<Changes> changes = new ArrayList<>(3);
		addCollectionChange(changes, field, Operation.ADD, added, policy);
		addCollectionChange(changes, field, Operation.DELETE, removed, policy);
		if (ordered && ElementOrder.changed(new ArrayList<>(before), new ArrayList<>(after),
				before.size() - removed.size())) {
			changes.add(Changes
				.of(Map.of(field, new ValueChange(listOf(field, before, policy), listOf(field, after, policy))))
				.withDisplayRules(policy.displayRules()));
		}
		return changes;
	}

	private static Map<Object, Integer> counts(Collection<?> elements) {
		Map<Object, Integer> counts = new HashMap<>();
		for (Object element : elements) {
			counts.merge(element, 1, Integer::sum);
		}
		return counts;
	}

	private void addCollectionChange(List<Changes> changes, String field, Operation operation, List<Object> elements,
			FieldPolicy policy) {
		if (elements.isEmpty()) {
			return;
		}
		List<String> objects = new ArrayList<>(elements.size());
		for (Object element : elements) {
			objects.add(maskedRepresentationOf(field, element, policy));
		}
		objects.sort(null);
		changes.add(Changes.of(Map.of(field, new CollectionChange(operation, objects)))
			.withDisplayRules(policy.displayRules()));
	}

	private String listOf(String field, Collection<?> elements, FieldPolicy policy) {
		StringJoiner text = new StringJoiner(", ", "[", "]");
		for (Object element : elements) {
			text.add(maskedRepresentationOf(field, element, policy));
		}
		return text.toString();
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
				data.put(field, (value instanceof Collection<?> elements && !isDocument(field, policy))
						? representationsOf(field, elements, policy) : stringOf(field, value, policy));
			}
		});
		return data;
	}

	/**
	 * Mask the values of the masked fields in changes made elsewhere, such as changes
	 * logged by hand, leave out excluded fields, and attach the model's display rules.
	 * The value of a JSON document, and an element of a collection of embeddables, is
	 * read as JSON text to mask and leave out the paths inside it; text that is not JSON
	 * is then logged as a note, never in clear.
	 * @param changes the changes, in clear
	 * @param policy the model's policy
	 * @return the changes as they may be stored
	 */
	public Changes mask(Changes changes, FieldPolicy policy) {
		Map<String, FieldChange> masked = new LinkedHashMap<>();
		changes.asMap().forEach((field, given) -> {
			if (policy.isExcluded(field)) {
				return;
			}
			FieldChange change = withNestedPathsMasked(field, given, policy);
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
	 * {@code toString()} when known, else its id; an entry of a map collection as
	 * {@code key=value}.
	 * @param element the element
	 * @return the representation
	 */
	public String representationOf(@Nullable Object element) {
		if (element instanceof NestedValue nested) {
			return nested.logged();
		}
		if (element instanceof EntityRef ref && ref.repr() != null) {
			return ref.repr();
		}
		if (element instanceof Map.Entry<?, ?> entry) {
			// an entry of a map collection: its key is part of what is stored
			return representationOf(entry.getKey()) + "=" + representationOf(entry.getValue());
		}
		String text = this.formatter.format(element, dev.auditlog.core.FkRepresentation.ID);
		return (text != null) ? text : "null";
	}

	private List<String> representationsOf(String field, Collection<?> elements, FieldPolicy policy) {
		List<String> objects = new ArrayList<>(elements.size());
		for (Object element : elements) {
			objects.add(maskedRepresentationOf(field, element, policy));
		}
		objects.sort(null);
		return objects;
	}

	private @Nullable String stringOf(String field, @Nullable Object value, FieldPolicy policy) {
		NestedPaths nested = policy.nestedPaths(field);
		if (nested != null && value != null && !policy.isCollection(field)) {
			return loggedText(field, nestedValue(field, value, nested, policy), policy);
		}
		String text = (value instanceof byte[] bytes && policy.isMasked(field))
				? ValueFormatter.formatBinaryLength(bytes) : this.formatter.format(value, policy.fkRepresentation());
		return (text != null) ? maskIfNeeded(field, text, policy) : null;
	}

	/**
	 * Return the representation of an element of a collection field, masked when the
	 * field is: an entry of a map collection keeps its key and masks its value, so a long
	 * key never leaves the value in clear.
	 */
	private String maskedRepresentationOf(String field, @Nullable Object element, FieldPolicy policy) {
		if (policy.isMasked(field) && element instanceof Map.Entry<?, ?> entry) {
			return representationOf(entry.getKey()) + "=" + this.masker.mask(representationOf(entry.getValue()));
		}
		return maskIfNeeded(field, representationOf(element), policy);
	}

	private String maskIfNeeded(String field, String text, FieldPolicy policy) {
		return policy.isMasked(field) ? this.masker.mask(text) : text;
	}

	private static boolean isDocument(String field, FieldPolicy policy) {
		return policy.nestedPaths(field) != null && !policy.isCollection(field);
	}

	private @Nullable String loggedText(String field, @Nullable NestedValue value, FieldPolicy policy) {
		return (value != null) ? maskIfNeeded(field, value.logged(), policy) : null;
	}

	private List<Object> nestedValues(String field, Collection<?> elements, NestedPaths nested, FieldPolicy policy) {
		List<Object> values = new ArrayList<>(elements.size());
		for (Object element : elements) {
			if (element instanceof Map.Entry<?, ?> entry) {
				// an entry of a map collection: the paths are inside its value
				NestedValue value = nestedValue(field, entry.getValue(), nested, policy);
				values.add(Map.entry(entry.getKey(), (value != null) ? value : "null"));
				continue;
			}
			NestedValue value = nestedValue(field, element, nested, policy);
			values.add((value != null) ? value : "null");
		}
		return values;
	}

	/**
	 * Return a document or an embeddable element as compared and as logged. A value that
	 * cannot be written as JSON is compared by its text and, when paths inside it are to
	 * be hidden, logged as a note: its secret cannot be found to mask it.
	 */
	private @Nullable NestedValue nestedValue(String field, @Nullable Object value, NestedPaths nested,
			FieldPolicy policy) {
		if (value == null) {
			return null;
		}
		try {
			JsonNode tree = NestedValues.clearTree(value, nested, this.formatter, policy.fkRepresentation());
			return new NestedValue(NestedValues.canonical(tree), NestedValues.maskedText(tree, nested, this.masker));
		}
		catch (RuntimeException ex) {
			// the exception's message may quote the value: it is not logged
			logger.log(System.Logger.Level.WARNING, () -> "Audit model '" + policy.model() + "': a value of '" + field
					+ "' (" + value.getClass().getName() + ") cannot be read as JSON (" + ex.getClass().getSimpleName()
					+ "); it is compared by its text" + (nested.hidesAnything() ? " and logged as a note" : ""));
			String text = Objects.requireNonNullElse(this.formatter.format(value, policy.fkRepresentation()), "");
			return new NestedValue(text, nested.hidesAnything() ? UNREADABLE : text);
		}
	}

	/**
	 * Apply the masked and excluded paths inside a document or the elements of a
	 * collection to a change given in clear, such as one logged by hand.
	 */
	private FieldChange withNestedPathsMasked(String field, FieldChange change, FieldPolicy policy) {
		NestedPaths nested = policy.nestedPaths(field);
		if (nested == null || !nested.hidesAnything()) {
			return change;
		}
		if (change instanceof ValueChange value && !policy.isCollection(field)) {
			return new ValueChange(maskedText(field, value.oldValue(), nested, policy),
					maskedText(field, value.newValue(), nested, policy));
		}
		if (change instanceof CollectionChange collection && policy.isCollection(field)) {
			List<String> objects = new ArrayList<>(collection.objects().size());
			for (String object : collection.objects()) {
				objects.add(Objects.requireNonNull(maskedText(field, object, nested, policy)));
			}
			objects.sort(null);
			return new CollectionChange(collection.operation(), objects);
		}
		return change;
	}

	private @Nullable String maskedText(String field, @Nullable String text, NestedPaths nested, FieldPolicy policy) {
		if (text == null) {
			return null;
		}
		NestedValue value = nestedValue(field, text, nested, policy);
		return (value != null) ? value.logged() : null;
	}

	/**
	 * A document or an embeddable element: its clear canonical JSON without the excluded
	 * paths, which is compared, and the text logged with the masked paths masked. Two are
	 * equal when their compared texts are, so that they can be counted as collection
	 * elements.
	 */
	record NestedValue(String compared, String logged) {

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof NestedValue value && this.compared.equals(value.compared));
		}

		@Override
		public int hashCode() {
			return this.compared.hashCode();
		}

	}

}
