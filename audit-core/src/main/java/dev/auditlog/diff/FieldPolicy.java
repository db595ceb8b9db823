package dev.auditlog.diff;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.auditlog.core.Action;
import dev.auditlog.core.DisplayRules;
import dev.auditlog.core.FkRepresentation;
import org.jspecify.annotations.Nullable;

/**
 * What is logged of one model: which fields are diffed, masked, labelled and serialized,
 * which collections are tracked and which actions are logged. Built from the model's
 * known fields and its {@link ModelOptions}; building fails with a message naming the
 * model, the option and the field when an option names a field the model does not have.
 * <p>
 * An option naming a field also covers its nested fields: {@code address} covers
 * {@code address.city}. {@code mask-fields} and {@code exclude-fields} also reach inside
 * values that have a structure: the fields of the elements of an element collection of
 * embeddables ({@code cards.number}) and paths inside a JSON document
 * ({@code metadata.secret}); such a value is logged as canonical JSON with those paths
 * masked or left out.
 *
 * @since 0.1.0
 */
public final class FieldPolicy {

	private final String model;

	private final Set<String> fields;

	private final Set<String> audited;

	private final Set<String> trackedCollections;

	private final Set<String> collections;

	private final Set<String> masked;

	private final Set<String> excluded;

	private final Map<String, NestedPaths> nested;

	private final Set<Action> actions;

	private final boolean serializeData;

	private final Set<String> serialized;

	private final FkRepresentation fkRepresentation;

	private final DisplayRules displayRules;

	private FieldPolicy(Builder builder, ModelOptions options) {
		this.model = builder.model;
		this.fields = Collections.unmodifiableSet(new LinkedHashSet<>(builder.fields.keySet()));
		this.collections = Collections.unmodifiableSet(new LinkedHashSet<>(builder.collections));
		Set<String> include = orEmpty(options.includeFields());
		Set<String> exclude = new LinkedHashSet<>(orEmpty(options.excludeFields()));
		exclude.addAll(builder.excludedEverywhere);
		Set<String> m2m = orEmpty(options.m2mFields());
		this.audited = select((field) -> !this.collections.contains(field)
				&& (include.isEmpty() || covers(include, field)) && !covers(exclude, field));
		this.trackedCollections = select(
				(field) -> this.collections.contains(field) && m2m.contains(field) && !covers(exclude, field));
		Set<String> mask = orEmpty(options.maskFields());
		this.masked = select((field) -> covers(mask, field));
		this.excluded = Collections.unmodifiableSet(exclude);
		this.nested = nestedPaths(builder, mask, exclude);
		this.actions = (options.actions() != null) ? Collections.unmodifiableSet(EnumSet.copyOf(actionsOf(options)))
				: Collections.unmodifiableSet(EnumSet.allOf(Action.class));
		this.serializeData = Boolean.TRUE.equals(options.serializeData());
		Set<String> serializeFields = orEmpty(options.serializeFields());
		if (!serializeFields.isEmpty()) {
			this.serialized = select((field) -> covers(serializeFields, field) && !covers(exclude, field));
		}
		else {
			this.serialized = select((field) -> this.audited.contains(field) || this.trackedCollections.contains(field)
					|| (!Boolean.TRUE.equals(options.serializeAuditlogFieldsOnly()) && !covers(exclude, field)
							&& !this.collections.contains(field)));
		}
		this.fkRepresentation = (options.fkRepresentation() != null) ? options.fkRepresentation() : FkRepresentation.ID;
		Map<String, String> labels = (options.mappingFields() != null) ? options.mappingFields() : Map.of();
		this.displayRules = new DisplayRules(labels, builder.valueLabels, builder.maxDisplayLength);
	}

	private static Map<String, NestedPaths> nestedPaths(Builder builder, Set<String> mask, Set<String> exclude) {
		Set<String> structured = new LinkedHashSet<>();
		for (String document : builder.documents) {
			if (builder.fields.containsKey(document)) {
				structured.add(document);
			}
		}
		for (String element : builder.elementFields) {
			structured.add(builder.collectionOf(element));
		}
		Map<String, NestedPaths> nested = new LinkedHashMap<>();
		for (String field : structured) {
			Set<String> documents = new LinkedHashSet<>();
			for (String document : builder.documents) {
				if (document.startsWith(field + ".")) {
					documents.add(document.substring(field.length() + 1));
				}
			}
			nested.put(field, new NestedPaths(builder.documents.contains(field), Collections.unmodifiableSet(documents),
					pathsInside(field, mask), pathsInside(field, exclude)));
		}
		return Collections.unmodifiableMap(nested);
	}

	private static List<List<String>> pathsInside(String field, Set<String> names) {
		List<List<String>> paths = new ArrayList<>();
		for (String name : names) {
			if (name.startsWith(field + ".")) {
				paths.add(List.of(name.substring(field.length() + 1).split("\\.")));
			}
		}
		return List.copyOf(paths);
	}

	private static Set<Action> actionsOf(ModelOptions options) {
		Set<Action> actions = EnumSet.noneOf(Action.class);
		if (options.actions() != null) {
			actions.addAll(options.actions());
		}
		return actions;
	}

	private Set<String> select(Predicate<String> condition) {
		Set<String> selected = new LinkedHashSet<>();
		for (String field : this.fields) {
			if (condition.test(field)) {
				selected.add(field);
			}
		}
		return Collections.unmodifiableSet(selected);
	}

	private static Set<String> orEmpty(@Nullable Set<String> names) {
		return (names != null) ? names : Set.of();
	}

	static boolean covers(Collection<String> names, String field) {
		if (names.contains(field)) {
			return true;
		}
		for (int dot = field.indexOf('.'); dot > 0; dot = field.indexOf('.', dot + 1)) {
			if (names.contains(field.substring(0, dot))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Start a policy of the model with the given name.
	 * @param model the entity name
	 * @return a builder
	 */
	public static Builder builder(String model) {
		return new Builder(model);
	}

	/**
	 * Return the model's entity name.
	 * @return the entity name
	 */
	public String model() {
		return this.model;
	}

	/**
	 * Return every known field, collections included, in declaration order.
	 * @return the field names
	 */
	public Set<String> fields() {
		return this.fields;
	}

	/**
	 * Return the fields whose values are diffed, in declaration order.
	 * @return the field names
	 */
	public Set<String> auditedFields() {
		return this.audited;
	}

	/**
	 * Return whether a value field is diffed and logged.
	 * @param field the field name
	 * @return {@code true} if changes of it are logged
	 */
	public boolean isAudited(String field) {
		return this.audited.contains(field);
	}

	/**
	 * Return whether a field holds a collection.
	 * @param field the field name
	 * @return {@code true} for a collection field
	 */
	public boolean isCollection(String field) {
		return this.collections.contains(field);
	}

	/**
	 * Return the collection fields whose additions and removals are logged.
	 * @return the field names
	 */
	public Set<String> trackedCollections() {
		return this.trackedCollections;
	}

	/**
	 * Return whether additions to and removals from a collection field are logged.
	 * @param field the field name
	 * @return {@code true} if the collection is tracked
	 */
	public boolean tracksCollection(String field) {
		return this.trackedCollections.contains(field);
	}

	/**
	 * Return whether a field's values are logged masked.
	 * @param field the field name
	 * @return {@code true} if masked
	 */
	public boolean isMasked(String field) {
		return this.masked.contains(field);
	}

	/**
	 * Return whether an option excludes a field, by its name or a name that covers it.
	 * Unlike {@link #isAudited(String)}, this also answers for names the model does not
	 * know, such as those of changes logged by hand.
	 * @param field the field name
	 * @return {@code true} if the field is excluded
	 */
	public boolean isExcluded(String field) {
		return covers(this.excluded, field);
	}

	/**
	 * Return the masked and excluded paths inside a field whose values have a structure,
	 * or {@code null} when the field is neither a JSON document nor a collection of
	 * embeddables or documents.
	 */
	@Nullable NestedPaths nestedPaths(String field) {
		return this.nested.get(field);
	}

	/**
	 * Return whether an action is logged for this model.
	 * @param action the action
	 * @return {@code true} if it is logged
	 */
	public boolean logs(Action action) {
		return this.actions.contains(action);
	}

	/**
	 * Return the actions logged for this model.
	 * @return the actions
	 */
	public Set<Action> actions() {
		return this.actions;
	}

	/**
	 * Return whether the state after a change is stored with the entry.
	 * @return {@code true} if it is stored
	 */
	public boolean serializeData() {
		return this.serializeData;
	}

	/**
	 * Return whether a field is part of the stored state.
	 * @param field the field name
	 * @return {@code true} if it is stored
	 */
	public boolean isSerialized(String field) {
		return this.serialized.contains(field);
	}

	/**
	 * Return how a to-one change is written.
	 * @return the representation
	 */
	public FkRepresentation fkRepresentation() {
		return this.fkRepresentation;
	}

	/**
	 * Return the display rules of this model: labels and value labels.
	 * @return the display rules
	 */
	public DisplayRules displayRules() {
		return this.displayRules;
	}

	@Override
	public String toString() {
		return "FieldPolicy[" + this.model + ": audited=" + this.audited + ", collections=" + this.trackedCollections
				+ ", masked=" + this.masked + ", actions=" + this.actions + "]";
	}

	/**
	 * Builds a {@link FieldPolicy} from a model's fields and options.
	 */
	public static final class Builder {

		private final String model;

		private final Map<String, @Nullable Class<?>> fields = new LinkedHashMap<>();

		private final Set<String> collections = new LinkedHashSet<>();

		private final Map<String, Map<String, String>> valueLabels = new LinkedHashMap<>();

		private final Set<String> excludedEverywhere = new LinkedHashSet<>();

		private final Set<String> elementFields = new LinkedHashSet<>();

		private final Set<String> documents = new LinkedHashSet<>();

		private ModelOptions options = ModelOptions.NONE;

		private int maxDisplayLength = DisplayRules.DEFAULT_MAX_LENGTH;

		private Builder(String model) {
			this.model = model;
		}

		/**
		 * Add a value field.
		 * @param name the field name; nested fields of embedded values as
		 * {@code address.city}
		 * @return this builder
		 */
		public Builder field(String name) {
			return field(name, null);
		}

		/**
		 * Add a value field of a known type. The constants of an enum type are shown by
		 * their label: the result of a public {@code getLabel()} method when the enum has
		 * one, else {@code toString()} when it is overridden, else the name.
		 * @param name the field name
		 * @param type the field's Java type
		 * @return this builder
		 */
		public Builder field(String name, @Nullable Class<?> type) {
			this.fields.put(name, type);
			if (type != null && type.isEnum()) {
				Map<String, String> labels = enumLabels(type);
				if (!labels.isEmpty()) {
					this.valueLabels.put(name, labels);
				}
			}
			return this;
		}

		/**
		 * Add a collection field (a many-to-many association or an element collection).
		 * @param name the field name
		 * @return this builder
		 */
		public Builder collectionField(String name) {
			this.fields.put(name, Collection.class);
			this.collections.add(name);
			return this;
		}

		/**
		 * Add a field that holds a JSON document, such as an attribute mapped as JSON or
		 * a map: its value is logged as canonical JSON text, compared as a document
		 * (member order is no change), and {@code mask-fields} and {@code exclude-fields}
		 * may name paths inside it ({@code metadata.secret}).
		 * @param name the field name; also a sub-field of the elements of a collection
		 * added with {@link #elementField(String)}, or a collection whose elements are
		 * documents
		 * @return this builder
		 */
		public Builder documentField(String name) {
			if (!this.fields.containsKey(name) && !this.elementFields.contains(name)) {
				this.fields.put(name, null);
			}
			this.documents.add(name);
			return this;
		}

		/**
		 * Add a field of the elements of a collection of embeddables, such as
		 * {@code cards.number} of the element collection {@code cards}: each element is
		 * logged as a JSON object of its fields, and {@code mask-fields} and
		 * {@code exclude-fields} may name these paths.
		 * @param path the collection's name, a dot and the field's name; nested
		 * embeddables as {@code cards.billing.zip}
		 * @return this builder
		 * @throws IllegalArgumentException if the path does not start with the name of a
		 * collection added before
		 */
		public Builder elementField(String path) {
			if (collectionOrNull(path) == null) {
				throw new IllegalArgumentException("Audit model '" + this.model + "': '" + path
						+ "' is no field of the elements of a collection (collections: " + this.collections + ")");
			}
			this.elementFields.add(path);
			return this;
		}

		private @Nullable String collectionOrNull(String path) {
			for (String collection : this.collections) {
				if (path.startsWith(collection + ".")) {
					return collection;
				}
			}
			return null;
		}

		private String collectionOf(String elementField) {
			String collection = collectionOrNull(elementField);
			if (collection == null) {
				throw new IllegalStateException("No collection of " + elementField);
			}
			return collection;
		}

		/**
		 * Use these options.
		 * @param options the model's options
		 * @return this builder
		 */
		public Builder options(ModelOptions options) {
			this.options = options;
			return this;
		}

		/**
		 * Exclude these fields wherever a model has them, such as {@code version}; names
		 * the model does not have are ignored.
		 * @param names the field names
		 * @return this builder
		 */
		public Builder excludeEverywhere(Collection<String> names) {
			this.excludedEverywhere.addAll(names);
			return this;
		}

		/**
		 * Cut shown values after this many characters.
		 * @param maxDisplayLength the length; 0 shows values empty, negative never cuts
		 * @return this builder
		 */
		public Builder maxDisplayLength(int maxDisplayLength) {
			this.maxDisplayLength = maxDisplayLength;
			return this;
		}

		/**
		 * Return the policy.
		 * @return the policy
		 * @throws IllegalArgumentException naming the model, the option and the field
		 * when an option names an unknown field or a non-collection as a collection
		 */
		public FieldPolicy build() {
			requireKnown("include-fields", this.options.includeFields(), false);
			requireKnown("exclude-fields", this.options.excludeFields(), true);
			requireKnown("mask-fields", this.options.maskFields(), true);
			requireKnown("m2m-fields", this.options.m2mFields(), false);
			requireKnown("serialize-fields", this.options.serializeFields(), false);
			if (this.options.mappingFields() != null) {
				requireKnown("mapping-fields", this.options.mappingFields().keySet(), false);
			}
			if (this.options.m2mFields() != null) {
				for (String name : this.options.m2mFields()) {
					if (!this.collections.contains(name)) {
						throw new IllegalArgumentException("Audit model '" + this.model + "': m2m-fields names '" + name
								+ "', which is not a collection (collections: " + this.collections + ")");
					}
				}
			}
			return new FieldPolicy(this, this.options);
		}

		private void requireKnown(String option, @Nullable Collection<String> names, boolean reachesInside) {
			if (names == null) {
				return;
			}
			List<String> unknown = new ArrayList<>();
			for (String name : names) {
				if (this.fields.containsKey(name)
						|| this.fields.keySet().stream().anyMatch((field) -> field.startsWith(name + "."))) {
					continue;
				}
				String inside = structuredFieldAround(name);
				if (inside == null) {
					unknown.add(name);
				}
				else if (!reachesInside) {
					throw new IllegalArgumentException(
							"Audit model '" + this.model + "': " + option + " names '" + name + "', a path inside "
									+ (this.collections.contains(inside) ? "the elements of '" : "the JSON document '")
									+ inside + "'; only mask-fields and exclude-fields reach inside a value, " + option
									+ " takes the whole field '" + inside + "'");
				}
			}
			if (!unknown.isEmpty()) {
				StringBuilder known = new StringBuilder(String.join(", ", this.fields.keySet()));
				if (reachesInside) {
					this.elementFields.forEach((path) -> known.append(", ").append(path));
					this.documents.forEach((document) -> known.append(", ").append(document).append(".<path>"));
				}
				throw new IllegalArgumentException("Audit model '" + this.model + "': " + option
						+ " names unknown field" + ((unknown.size() > 1) ? "s " : " ")
						+ String.join(", ", unknown.stream().map((n) -> "'" + n + "'").toList()) + " (known fields: "
						+ known + ")");
			}
		}

		/**
		 * Return the structured field that a path names the inside of: the collection
		 * when it names a field of its elements (or a prefix of one), the document when
		 * it names a path inside a JSON document; else {@code null}.
		 */
		private @Nullable String structuredFieldAround(String path) {
			for (String document : this.documents) {
				if (path.startsWith(document + ".")) {
					String collection = collectionOrNull(document);
					return (collection != null) ? collection : document;
				}
			}
			for (String element : this.elementFields) {
				if (element.equals(path) || element.startsWith(path + ".")) {
					return collectionOf(element);
				}
			}
			return null;
		}

		private static Map<String, String> enumLabels(Class<?> type) {
			Method getLabel = labelGetter(type);
			Map<String, String> labels = new LinkedHashMap<>();
			for (Object constant : type.getEnumConstants()) {
				String name = ((Enum<?>) constant).name();
				String label = labelOf(constant, getLabel);
				if (label != null && !label.equals(name)) {
					labels.put(name, label);
				}
			}
			return labels;
		}

		private static @Nullable Method labelGetter(Class<?> type) {
			try {
				Method method = type.getMethod("getLabel");
				return (method.getReturnType() == String.class && Modifier.isPublic(method.getModifiers())) ? method
						: null;
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

		private static @Nullable String labelOf(Object constant, @Nullable Method getLabel) {
			if (getLabel != null) {
				try {
					getLabel.setAccessible(true);
					return (String) getLabel.invoke(constant);
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					return null;
				}
			}
			return constant.toString();
		}

	}

}
