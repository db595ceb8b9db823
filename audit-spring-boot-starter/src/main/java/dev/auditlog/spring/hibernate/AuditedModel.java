package dev.auditlog.spring.hibernate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.auditlog.core.Changes;
import dev.auditlog.diff.EmbeddableValue;
import dev.auditlog.diff.EntityRef;
import dev.auditlog.diff.EntitySnapshot;
import dev.auditlog.diff.FieldPolicy;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * One audited entity: its policy and how its Hibernate state arrays are read into
 * snapshots. Built once at startup so that reading a state array is a loop over a plan.
 */
final class AuditedModel {

	private final String entityName;

	private final Class<?> type;

	private final FieldPolicy policy;

	private final @Nullable String idField;

	private final @Nullable String versionField;

	private final PropertyReader[] readers;

	private final String[] storedFormFields;

	private final StoredForm[] storedForms;

	private final Map<String, StoredForm> elementForms;

	private final Set<String> orderedCollections;

	private final Map<String, String> parentFields;

	/**
	 * The reader of each property, by its index in the state array; {@code null} where
	 * none.
	 */
	private final @Nullable PropertyReader[] readersByIndex;

	/**
	 * The properties an update's snapshot always reads besides the dirty ones, or
	 * {@code null} when updates are snapshotted whole.
	 */
	private final int @Nullable [] alwaysRead;

	AuditedModel(String entityName, Class<?> type, FieldPolicy policy, @Nullable String idField,
			@Nullable String versionField, List<PropertyReader> readers, Map<String, StoredForm> storedForms,
			Map<String, StoredForm> elementForms, Set<String> orderedCollections, Map<String, String> parentFields) {
		this(entityName, type, policy, idField, versionField, readers, storedForms, elementForms, orderedCollections,
				parentFields, null);
	}

	/**
	 * Create a model whose values are brought to the form their columns store.
	 * @param storedForms field path to the stored form of its column, for the fields that
	 * have one
	 * @param elementForms collection field to the stored form of its element column
	 * @param orderedCollections the collection fields whose order the database stores
	 * @param parentFields the role of each one-to-many collection with a join column that
	 * holds this entity, to the field that logs its parent
	 * @param alwaysRead the properties (indexes in the state array) that the snapshots of
	 * an update read besides those Hibernate found dirty: the {@code @Version} and those
	 * Hibernate does not check (not updatable); {@code null} to snapshot updates whole
	 */
	AuditedModel(String entityName, Class<?> type, FieldPolicy policy, @Nullable String idField,
			@Nullable String versionField, List<PropertyReader> readers, Map<String, StoredForm> storedForms,
			Map<String, StoredForm> elementForms, Set<String> orderedCollections, Map<String, String> parentFields,
			int @Nullable [] alwaysRead) {
		this.entityName = entityName;
		this.type = type;
		this.policy = policy;
		this.idField = idField;
		this.versionField = versionField;
		this.readers = readers.toArray(PropertyReader[]::new);
		this.storedFormFields = storedForms.keySet().toArray(String[]::new);
		this.storedForms = storedForms.values().toArray(StoredForm[]::new);
		this.elementForms = Map.copyOf(elementForms);
		this.orderedCollections = Set.copyOf(orderedCollections);
		this.parentFields = Map.copyOf(parentFields);
		int properties = 0;
		for (PropertyReader reader : readers) {
			properties = Math.max(properties, reader.index() + 1);
		}
		this.readersByIndex = new PropertyReader[properties];
		for (PropertyReader reader : readers) {
			this.readersByIndex[reader.index()] = reader;
		}
		// the state stored with an entry needs every field
		this.alwaysRead = policy.serializeData() ? null : alwaysRead;
	}

	/**
	 * Return the field that logs the parent of this entity held by the given one-to-many
	 * collection with a join column, or {@code null} when it is no such collection.
	 */
	@Nullable String parentField(String collectionRole) {
		return this.parentFields.get(collectionRole);
	}

	String entityName() {
		return this.entityName;
	}

	Class<?> type() {
		return this.type;
	}

	FieldPolicy policy() {
		return this.policy;
	}

	/**
	 * Return the {@code @Version} field, or {@code null} when the entity has none.
	 */
	@Nullable String versionField() {
		return this.versionField;
	}

	/**
	 * Return the stored form of the elements of the given collection field, if they have
	 * one.
	 */
	@Nullable StoredForm elementForm(String field) {
		return this.elementForms.get(field);
	}

	/**
	 * Return whether the database stores the order of the given collection field (a
	 * {@code List} with an {@code @OrderColumn}, or an array).
	 */
	boolean isOrdered(String field) {
		return this.orderedCollections.contains(field);
	}

	/**
	 * Return whether the given changes are only the increment of the {@code @Version}
	 * field, as Hibernate makes for a change of a collection alone or of a field that is
	 * not audited.
	 */
	boolean isVersionOnly(Changes changes) {
		return this.versionField != null && changes.size() == 1 && changes.get(this.versionField) != null;
	}

	/**
	 * Read a state array into a snapshot. The entity's {@code toString()} is not taken
	 * here but when the entry is written.
	 */
	EntitySnapshot snapshot(Object id, Object @Nullable [] state, SharedSessionContractImplementor session) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(this.readers.length * 2);
		if (this.idField != null) {
			values.put(this.idField, LogEntryRecorder.keyOf(id));
		}
		if (state != null) {
			for (PropertyReader reader : this.readers) {
				reader.read(state[reader.index], values, session);
			}
			for (int i = 0; i < this.storedForms.length; i++) {
				String field = this.storedFormFields[i];
				if (values.containsKey(field)) {
					values.put(field, this.storedForms[i].apply(values.get(field)));
				}
			}
		}
		return new EntitySnapshot(this.entityName, id, "", values);
	}

	/**
	 * Return whether the snapshots of an update may hold only the properties Hibernate
	 * found dirty
	 * ({@link #snapshot(Object, Object[], int[], SharedSessionContractImplementor)}).
	 */
	boolean snapshotsDirtyOnly() {
		return this.alwaysRead != null;
	}

	/**
	 * Read the given properties of a state array, with the identifier and the properties
	 * always read, into a snapshot that holds only them: an update diffs only what
	 * Hibernate found dirty, as the other properties are equal in the old and new state.
	 * @param dirty the indexes of the dirty properties ({@code PostUpdateEvent}'s)
	 */
	EntitySnapshot snapshot(Object id, Object[] state, int[] dirty, SharedSessionContractImplementor session) {
		int[] always = Objects.requireNonNull(this.alwaysRead);
		Map<String, @Nullable Object> values = new LinkedHashMap<>((1 + dirty.length + always.length) * 2);
		if (this.idField != null) {
			values.put(this.idField, LogEntryRecorder.keyOf(id));
		}
		for (int index : always) {
			read(index, state, values, session);
		}
		for (int index : dirty) {
			read(index, state, values, session);
		}
		if (this.storedForms.length > 0) {
			for (int i = 0; i < this.storedForms.length; i++) {
				String field = this.storedFormFields[i];
				if (values.containsKey(field)) {
					values.put(field, this.storedForms[i].apply(values.get(field)));
				}
			}
		}
		return new EntitySnapshot(this.entityName, id, "", values);
	}

	private void read(int index, Object[] state, Map<String, @Nullable Object> values,
			SharedSessionContractImplementor session) {
		PropertyReader reader = (index < this.readersByIndex.length) ? this.readersByIndex[index] : null;
		if (reader != null) {
			reader.read(state[index], values, session);
		}
	}

	/**
	 * Reads one property of a state array into named values: basic values as they are,
	 * to-one associations as {@link EntityRef}, embedded values flattened.
	 */
	record PropertyReader(int index, String name, Type type, boolean fkAsString) {

		void read(@Nullable Object value, Map<String, @Nullable Object> values,
				SharedSessionContractImplementor session) {
			readValue(this.name, this.type, value, values, session);
		}

		private void readValue(String field, Type type, @Nullable Object value, Map<String, @Nullable Object> values,
				SharedSessionContractImplementor session) {
			if (type instanceof ComponentType component) {
				String[] names = component.getPropertyNames();
				Type[] subtypes = component.getSubtypes();
				Object[] subvalues = (value != null) ? component.getPropertyValues(value, session)
						: new Object[names.length];
				for (int i = 0; i < names.length; i++) {
					if (!subtypes[i].isCollectionType() && !isSynthetic(names[i])) {
						readValue(field + "." + names[i], subtypes[i], subvalues[i], values, session);
					}
				}
			}
			else if (type instanceof EntityType entityType) {
				// the label is taken for changesDisplay too, when the target is loaded
				values.put(field, (value != null) ? reference(entityType, value, session, true) : null);
			}
			else {
				values.put(field, value);
			}
		}

	}

	/**
	 * Return a collection element as the diff engine sees it: an entity as
	 * {@link EntityRef}, an embeddable as {@link EmbeddableValue} of its fields (nested
	 * embeddables nested, to-one associations as references), anything else as it is.
	 */
	static Object elementValue(Type type, Object element, SharedSessionContractImplementor session) {
		if (type instanceof ComponentType component) {
			String[] names = component.getPropertyNames();
			Type[] subtypes = component.getSubtypes();
			Object[] values = component.getPropertyValues(element, session);
			Map<String, @Nullable Object> fields = new LinkedHashMap<>(names.length * 2);
			for (int i = 0; i < names.length; i++) {
				if (!subtypes[i].isCollectionType() && !isSynthetic(names[i])) {
					fields.put(names[i], (values[i] != null) ? elementValue(subtypes[i], values[i], session) : null);
				}
			}
			return new EmbeddableValue(fields);
		}
		if (type instanceof EntityType entityType) {
			return reference(entityType, element, session, true);
		}
		return element;
	}

	/**
	 * Return whether a property of an embeddable is Hibernate's own rather than a field,
	 * such as {@code {discriminator}} of an embeddable hierarchy, whose changes show in
	 * the fields that come and go.
	 */
	static boolean isSynthetic(String propertyName) {
		return propertyName.startsWith("{");
	}

	static EntityRef reference(@Nullable EntityType type, Object target, SharedSessionContractImplementor session,
			boolean withRepr) {
		if (target instanceof HibernateProxy proxy) {
			LazyInitializer initializer = proxy.getHibernateLazyInitializer();
			Object id = initializer.getInternalIdentifier();
			String repr = (withRepr && !initializer.isUninitialized())
					? ObjectLabels.of(initializer.getImplementation(),
							session.getEntityPersister(initializer.getEntityName(), initializer.getImplementation())
								.getJpaEntityName(),
							id)
					: null;
			return new EntityRef(id, repr);
		}
		String entityName = (type != null) ? type.getAssociatedEntityName() : null;
		Object id = session.getContextEntityIdentifier(target);
		if (id == null) {
			id = session.getEntityPersister(entityName, target).getIdentifier(target, session);
		}
		return new EntityRef(id,
				(withRepr && Hibernate.isInitialized(target))
						? ObjectLabels.of(target, session.getEntityPersister(entityName, target).getJpaEntityName(), id)
						: null);
	}

}
