package dev.auditlog.spring.hibernate;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.TreeSet;

import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.diff.AnnotatedMember;
import dev.auditlog.diff.FieldPolicy;
import dev.auditlog.diff.ModelOptions;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import jakarta.persistence.Transient;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.metamodel.CollectionClassification;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.BasicType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * The audited entities of one session factory, chosen and checked at startup: an entity
 * is audited when its class carries {@link Auditable @Auditable}, when it is named under
 * {@code auditlog.models}, or when {@code auditlog.include-all-models} is set and it is
 * not under {@code auditlog.exclude-models}. Configuration that names something the
 * session factory does not have fails with a message naming it, and so does a field
 * annotation ({@code @AuditMask}, {@code @AuditIgnore}, {@code @AuditLabel}) on the
 * entity or an embeddable it reaches that cannot take effect: on a static or transient
 * member, a method that is no getter, or a part of the identifier.
 */
final class AuditedModels {

	private static final String ID_CLASS_PROPERTY = "_identifierMapper";

	private final Map<String, AuditedModel> byEntityName;

	private AuditedModels(Map<String, AuditedModel> byEntityName) {
		this.byEntityName = byEntityName;
	}

	@Nullable AuditedModel find(String entityName) {
		return this.byEntityName.get(entityName);
	}

	@Nullable AuditedModel findByClass(Class<?> type) {
		for (AuditedModel candidate : this.byEntityName.values()) {
			if (candidate.type() == type) {
				return candidate;
			}
		}
		return null;
	}

	@Nullable AuditedModel findByModel(String model) {
		for (AuditedModel candidate : this.byEntityName.values()) {
			if (candidate.entityName().equals(model)) {
				return candidate;
			}
		}
		return null;
	}

	Collection<AuditedModel> all() {
		return this.byEntityName.values();
	}

	static AuditedModels build(SessionFactoryImplementor sessionFactory, AuditlogProperties properties) {
		List<EntityPersister> persisters = sessionFactory.getMappingMetamodel().streamEntityDescriptors().toList();
		Map<String, CollectionPersister> collections = new LinkedHashMap<>();
		sessionFactory.getMappingMetamodel()
			.forEachCollectionDescriptor((collection) -> collections.put(collection.getRole(), collection));
		checkModelNames(properties, persisters);
		List<Class<?>> embeddables = sessionFactory.getJpaMetamodel()
			.getEmbeddables()
			.stream()
			.<Class<?>>map(jakarta.persistence.metamodel.EmbeddableType::getJavaType)
			.toList();
		Map<String, AuditedModel> models = new LinkedHashMap<>();
		for (EntityPersister persister : persisters) {
			AuditlogProperties.@Nullable Model configured = configuredModel(persister, properties);
			Class<?> type = persister.getMappedClass();
			boolean audited = type.isAnnotationPresent(Auditable.class) || configured != null
					|| (properties.isIncludeAllModels() && !isExcluded(persister, properties.getExcludeModels()));
			if (audited) {
				models.put(persister.getEntityName(),
						model(persister, configured, properties, collections, embeddables));
			}
		}
		return new AuditedModels(models);
	}

	private static void checkModelNames(AuditlogProperties properties, List<EntityPersister> persisters) {
		for (String name : properties.getModels().keySet()) {
			if (persisters.stream().noneMatch((persister) -> names(persister, name))) {
				throw new InvalidAuditConfigurationException("auditlog.models names unknown model '" + name
						+ "' (known entities: " + knownEntities(persisters) + ")");
			}
		}
		for (String name : properties.getExcludeModels()) {
			if (persisters.stream().noneMatch((persister) -> isExcluded(persister, List.of(name)))) {
				throw new InvalidAuditConfigurationException("auditlog.exclude-models names '" + name
						+ "', which is no entity name, entity class or package of an entity (known entities: "
						+ knownEntities(persisters) + ")");
			}
		}
	}

	private static String knownEntities(List<EntityPersister> persisters) {
		Set<String> names = new TreeSet<>();
		persisters.forEach((persister) -> names.add(persister.getJpaEntityName()));
		return String.join(", ", names);
	}

	private static boolean names(EntityPersister persister, String name) {
		return persister.getJpaEntityName().equals(name) || persister.getEntityName().equals(name)
				|| persister.getMappedClass().getName().equals(name)
				|| persister.getMappedClass().getSimpleName().equals(name);
	}

	private static AuditlogProperties.@Nullable Model configuredModel(EntityPersister persister,
			AuditlogProperties properties) {
		for (EntityMappingType type = persister.getEntityMappingType(); type != null; type = type
			.getSuperMappingType()) {
			for (Map.Entry<String, AuditlogProperties.Model> entry : properties.getModels().entrySet()) {
				if (names(type.getEntityPersister(), entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	private static boolean isExcluded(EntityPersister persister, List<String> excluded) {
		String className = persister.getMappedClass().getName();
		for (String name : excluded) {
			if (names(persister, name) || className.startsWith(name + ".")) {
				return true;
			}
		}
		return false;
	}

	private static AuditedModel model(EntityPersister persister, AuditlogProperties.@Nullable Model configured,
			AuditlogProperties properties, Map<String, CollectionPersister> collections, List<Class<?>> embeddables) {
		Class<?> type = persister.getMappedClass();
		ModelOptions options = ModelOptions.fromAnnotations(type);
		ModelOptions overrides = (configured != null) ? configured.toOptions() : ModelOptions.NONE;
		boolean fkAsString = options.overriddenBy(overrides).fkRepresentation() == FkRepresentation.STRING;
		String entityName = persister.getJpaEntityName();
		FieldPolicy.Builder policy = FieldPolicy.builder(entityName)
			.excludeEverywhere(properties.getExcludeTrackingFields())
			.maxDisplayLength(properties.getDisplayMaxLength());
		String idField = persister.getIdentifierPropertyName();
		if (idField == null) {
			idField = "id";
		}
		policy.field(idField, persister.getIdentifierType().getReturnedClass());
		String[] names = persister.getPropertyNames();
		Type[] types = persister.getPropertyTypes();
		List<AuditedModel.PropertyReader> readers = new ArrayList<>();
		Fields fields = new Fields(policy, persister, collections, embeddables);
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(ID_CLASS_PROPERTY)) {
				// the @IdClass parts, already logged as the identifier
				continue;
			}
			fields.add(names[i], types[i]);
			if (!types[i].isCollectionType() && !isComputedByTheDatabase(persister, i)) {
				readers.add(new AuditedModel.PropertyReader(i, names[i], types[i], fkAsString));
			}
		}
		Map<String, String> parentFields = parentFields(persister, Set.of(names), collections);
		parentFields.values().forEach(policy::field);
		for (ReachedClass reached : fields.reachedClasses(idField)) {
			options = options.overriddenBy(reached.options(entityName, idField));
		}
		FieldPolicy built;
		try {
			built = policy.options(options.overriddenBy(overrides)).build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuditConfigurationException(String.valueOf(ex.getMessage()), ex);
		}
		for (String field : built.trackedCollections()) {
			CollectionPersister collection = findCollection(persister, field, collections);
			if (collection != null && collection.isInverse()) {
				throw new InvalidAuditConfigurationException("Audit model '" + entityName + "': m2m-fields names '"
						+ field
						+ "', the inverse (mappedBy) side of an association; list the field on the owning entity "
						+ "instead, so that each change is logged once");
			}
		}
		String versionField = persister.isVersioned() ? names[persister.getVersionPropertyIndex()] : null;
		Map<String, StoredForm> storedForms = new LinkedHashMap<>();
		Map<String, StoredForm> elementForms = new LinkedHashMap<>();
		Set<String> orderedCollections = new TreeSet<>();
		for (String name : names) {
			if (!name.equals(ID_CLASS_PROPERTY)) {
				try {
					addStoredForms(name, persister.findAttributeMapping(name), persister.getFactory(), storedForms,
							elementForms, orderedCollections);
				}
				catch (InvalidAuditConfigurationException ex) {
					// without the cause: the failure report shows the innermost message
					throw new InvalidAuditConfigurationException(
							"Audit model '" + entityName + "': " + ex.getMessage());
				}
			}
		}
		return new AuditedModel(entityName, type, built, idField, versionField, readers, storedForms, elementForms,
				orderedCollections, parentFields, alwaysRead(persister));
	}

	/**
	 * Return the properties an update's snapshots read besides the dirty ones: the
	 * {@code @Version}, whose increment Hibernate does not report dirty, those Hibernate
	 * does not dirty-check (not updatable), whose values it does not compare, and those a
	 * generator sets on update ({@code @UpdateTimestamp}, {@code @CurrentTimestamp},
	 * {@code @Generated(event = UPDATE)}), which Hibernate writes after its dirty check
	 * and leaves out of the dirty properties it reports.
	 */
	private static int[] alwaysRead(EntityPersister persister) {
		boolean[] checked = persister.getPropertyCheckability();
		Generator[] generators = persister.getGenerators();
		int version = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
		return IntStream.range(0, checked.length)
			.filter((i) -> i == version || !checked[i]
					|| (i < generators.length && generators[i] != null && generators[i].generatesOnUpdate()))
			.toArray();
	}

	/**
	 * Return whether a property's value is the database's to compute and Hibernate does
	 * not read it back after a write: a {@code @Formula}, or a column mapped with
	 * {@code insertable = false, updatable = false} (a database default, a computed
	 * column, a read-only copy of a foreign key) that no {@code @Generated} re-reads.
	 * What the application holds there is not what the database holds after the write, so
	 * it is never logged. Associations are not concerned: they are logged by the target's
	 * id.
	 */
	private static boolean isComputedByTheDatabase(EntityPersister persister, int property) {
		Type type = persister.getPropertyTypes()[property];
		if (type.isAssociationType() || type.isCollectionType() || persister.getPropertyInsertability()[property]
				|| persister.getPropertyUpdateability()[property]) {
			return false;
		}
		AttributeMapping attribute = persister.findAttributeMapping(persister.getPropertyNames()[property]);
		Generator generator = (attribute != null) ? attribute.getGenerator() : null;
		return generator == null || !generator.generatedOnExecution();
	}

	/**
	 * Find the one-to-many collections with a join column
	 * ({@code @OneToMany @JoinColumn}, no {@code mappedBy}) that hold this entity: its
	 * parent is known only there, and is logged as a field of its own, named after the
	 * parent's entity ({@code owner}), or {@code Owner.pets} when that name is taken.
	 * @return collection role to the field on this entity
	 */
	private static Map<String, String> parentFields(EntityPersister persister, Set<String> attributes,
			Map<String, CollectionPersister> collections) {
		Set<String> entityNames = new java.util.HashSet<>();
		for (EntityMappingType type = persister.getEntityMappingType(); type != null; type = type
			.getSuperMappingType()) {
			entityNames.add(type.getEntityName());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (CollectionPersister collection : collections.values()) {
			if (collection.isOneToMany() && !collection.isInverse()
					&& collection.getElementType() instanceof EntityType element
					&& entityNames.contains(element.getAssociatedEntityName())) {
				EntityPersister parent = collection.getOwnerEntityPersister();
				String jpaName = parent.getJpaEntityName();
				String field = Character.toLowerCase(jpaName.charAt(0)) + jpaName.substring(1);
				if (attributes.contains(field) || fields.containsValue(field)) {
					field = jpaName + "." + collection.getRole().substring(parent.getEntityName().length() + 1);
				}
				fields.put(collection.getRole(), field);
			}
		}
		return fields;
	}

	/**
	 * Find the columns whose values the database stores in another form than the Java
	 * value (precision, scale, padding, converters), once, at startup.
	 */
	private static void addStoredForms(String path, @Nullable AttributeMapping attribute,
			SessionFactoryImplementor factory, Map<String, StoredForm> storedForms,
			Map<String, StoredForm> elementForms, Set<String> orderedCollections) {
		Dialect dialect = factory.getJdbcServices().getDialect();
		if (attribute instanceof BasicValuedModelPart basic) {
			StoredForm form = StoredForm.of(path, basic, member(attribute), dialect, factory.getTypeConfiguration());
			if (form != null) {
				storedForms.put(path, form);
			}
		}
		else if (attribute instanceof EmbeddableValuedModelPart embedded) {
			embedded.getEmbeddableTypeDescriptor()
				.forEachAttributeMapping((AttributeMapping part) -> addStoredForms(path + "." + part.getAttributeName(),
						part, factory, storedForms, elementForms, orderedCollections));
		}
		else if (attribute instanceof PluralAttributeMapping plural) {
			CollectionClassification classification = plural.getCollectionDescriptor()
				.getCollectionSemantics()
				.getCollectionClassification();
			if (classification == CollectionClassification.LIST || classification == CollectionClassification.ARRAY) {
				orderedCollections.add(path);
			}
			if (plural.getElementDescriptor() instanceof BasicValuedModelPart element) {
				StoredForm form = StoredForm.of(path, element, member(attribute), dialect,
						factory.getTypeConfiguration());
				if (form != null) {
					elementForms.put(path, form);
				}
			}
		}
	}

	private static @Nullable Member member(AttributeMapping attribute) {
		try {
			return attribute.getPropertyAccess().getGetter().getMember();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Return whether values of a type are JSON documents: mapped to a JSON column, or
	 * maps and JSON trees whatever their column.
	 */
	private static boolean isDocument(Type type) {
		if (type instanceof BasicType<?> basic && basic.getJdbcType().isJson()) {
			return true;
		}
		Class<?> javaType = type.getReturnedClass();
		if (Map.class.isAssignableFrom(javaType)) {
			return true;
		}
		for (Class<?> current = javaType; current != null; current = current.getSuperclass()) {
			if (current.getName().equals("tools.jackson.databind.JsonNode")
					|| current.getName().equals("com.fasterxml.jackson.databind.JsonNode")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Adds the fields of one entity to its policy, embedded values flattened
	 * ({@code card.number}), the fields of embeddable elements of collections as element
	 * fields ({@code cards.number}), and remembers each class reached on the way, whose
	 * field annotations count too.
	 */
	private static final class Fields {

		private final FieldPolicy.Builder policy;

		private final EntityPersister persister;

		private final Map<String, CollectionPersister> collections;

		private final List<Class<?>> embeddables;

		private final List<ReachedClass> reached = new ArrayList<>();

		Fields(FieldPolicy.Builder policy, EntityPersister persister, Map<String, CollectionPersister> collections,
				List<Class<?>> embeddables) {
			this.policy = policy;
			this.persister = persister;
			this.collections = collections;
			this.embeddables = embeddables;
		}

		void add(String name, Type type) {
			if (type.isCollectionType()) {
				this.policy.collectionField(name);
				CollectionPersister collection = findCollection(this.persister, name, this.collections);
				if (collection != null) {
					addElements(name, "", collection.getElementType());
				}
			}
			else if (type instanceof ComponentType component) {
				reach(name, component, false);
				String[] names = component.getPropertyNames();
				Type[] subtypes = component.getSubtypes();
				for (int i = 0; i < names.length; i++) {
					if (!AuditedModel.isSynthetic(names[i])) {
						add(name + "." + names[i], subtypes[i]);
					}
				}
			}
			else if (type instanceof EntityType) {
				this.policy.field(name);
			}
			else if (isDocument(type)) {
				this.policy.documentField(name);
			}
			else {
				this.policy.field(name, type.getReturnedClass());
			}
		}

		private void addElements(String collection, String path, Type type) {
			if (type instanceof ComponentType component) {
				reach(collection + path, component, true);
				String[] names = component.getPropertyNames();
				Type[] subtypes = component.getSubtypes();
				for (int i = 0; i < names.length; i++) {
					if (AuditedModel.isSynthetic(names[i])) {
						continue;
					}
					if (subtypes[i] instanceof ComponentType) {
						addElements(collection, path + "." + names[i], subtypes[i]);
					}
					else if (!subtypes[i].isCollectionType()) {
						this.policy.elementField(collection + path + "." + names[i]);
						if (isDocument(subtypes[i])) {
							this.policy.documentField(collection + path + "." + names[i]);
						}
					}
				}
			}
			else if (path.isEmpty() && !type.isEntityType() && isDocument(type)) {
				this.policy.documentField(collection);
			}
		}

		/**
		 * Remember an embeddable reached at a path, and the subclasses of an embeddable
		 * hierarchy, whose fields are the component's too.
		 */
		private void reach(String path, ComponentType component, boolean elements) {
			Set<String> persistent = new LinkedHashSet<>();
			for (String name : component.getPropertyNames()) {
				if (!AuditedModel.isSynthetic(name)) {
					persistent.add(name);
				}
			}
			Class<?> type = component.getReturnedClass();
			this.reached.add(new ReachedClass(path, type, persistent, Set.of(), elements));
			for (Class<?> embeddable : this.embeddables) {
				if (embeddable != type && type.isAssignableFrom(embeddable)) {
					this.reached.add(new ReachedClass(path, embeddable, persistent, Set.of(), elements));
				}
			}
		}

		/**
		 * Return the classes whose field annotations count: the entity's own (with its
		 * superclasses), each embeddable reached, and the class of an embedded
		 * identifier.
		 */
		List<ReachedClass> reachedClasses(String idField) {
			List<ReachedClass> classes = new ArrayList<>();
			Set<String> identifier = new LinkedHashSet<>();
			identifier.add(idField);
			Set<String> persistent = new LinkedHashSet<>(List.of(this.persister.getPropertyNames()));
			persistent.add(idField);
			Type idType = this.persister.getIdentifierType();
			if (idType instanceof ComponentType component) {
				if (this.persister.getIdentifierPropertyName() != null) {
					classes.add(new ReachedClass(idField, component.getReturnedClass(),
							Set.of(component.getPropertyNames()), Set.of(component.getPropertyNames()), false));
				}
				else {
					// @IdClass: the parts are fields of the entity
					identifier.addAll(List.of(component.getPropertyNames()));
					persistent.addAll(List.of(component.getPropertyNames()));
				}
			}
			classes.add(0, new ReachedClass("", this.persister.getMappedClass(), persistent, identifier, false));
			classes.addAll(this.reached);
			return classes;
		}

	}

	/**
	 * A class whose field annotations apply to a model: the entity itself (path
	 * {@code ""}), an embeddable reached at a path, or the embeddable of the elements of
	 * a collection.
	 *
	 * @param path where the class is reached
	 * @param type the class
	 * @param persistent the names of its persistent attributes
	 * @param identifier the names of those that are (part of) the identifier
	 * @param elements whether the class is that of a collection's elements
	 */
	private record ReachedClass(String path, Class<?> type, Set<String> persistent, Set<String> identifier,
			boolean elements) {

		/**
		 * Return the options the field annotations of the class give, once each has been
		 * checked to take effect.
		 * @throws InvalidAuditConfigurationException naming the member and why, when one
		 * cannot take effect
		 */
		ModelOptions options(String model, String idField) {
			List<AnnotatedMember> members = AnnotatedMember.declaredOn(this.type);
			List<AnnotatedMember> effective = new ArrayList<>(members.size());
			for (AnnotatedMember member : members) {
				boolean labelOnly = !member.ignore() && !member.mask();
				if (labelOnly && (this.elements || isIdentifierClass())) {
					// a label of an element or key part has no place to show
					continue;
				}
				String why = whyIneffective(member, idField);
				if (why != null) {
					throw new InvalidAuditConfigurationException("Audit model '" + model + "': " + member.annotations()
							+ " on " + member.describe() + " cannot take effect: " + why + " (persistent attributes of "
							+ this.type.getSimpleName() + (this.path.isEmpty() ? "" : " at '" + this.path + "'") + ": "
							+ String.join(", ", new TreeSet<>(this.persistent)) + ")");
				}
				effective.add(member);
			}
			return this.path.isEmpty() ? ModelOptions.NONE
					: ModelOptions.fromMembers(this.path, effective, !this.elements);
		}

		private boolean isIdentifierClass() {
			return !this.path.isEmpty() && this.persistent.equals(this.identifier);
		}

		private @Nullable String whyIneffective(AnnotatedMember member, String idField) {
			if (member.isStatic()) {
				return "it is static, and so no persistent attribute";
			}
			String property = member.property();
			if (property == null) {
				return "it is a method that is neither a getter nor a record accessor; annotate the field or "
						+ "its getter";
			}
			if (!this.persistent.contains(property)) {
				return isTransient(member.member()) ? "it is transient, not a persistent attribute"
						: "no persistent attribute is named '" + property + "'";
			}
			if (this.identifier.contains(property)
					&& (member.mask() || (member.ignore() && !(this.path.isEmpty() && property.equals(idField))))) {
				return "it is " + (this.identifier.size() > 1 || !this.path.isEmpty() ? "part of " : "")
						+ "the identifier, which every entry names in clear in object_pk";
			}
			return null;
		}

		private static boolean isTransient(Member member) {
			if (member instanceof Field field && Modifier.isTransient(field.getModifiers())) {
				return true;
			}
			return member instanceof AnnotatedElement element && element.isAnnotationPresent(Transient.class);
		}

	}

	private static @Nullable CollectionPersister findCollection(EntityPersister persister, String field,
			Map<String, CollectionPersister> collections) {
		for (EntityMappingType type = persister.getEntityMappingType(); type != null; type = type
			.getSuperMappingType()) {
			CollectionPersister collection = collections.get(type.getEntityName() + "." + field);
			if (collection != null) {
				return collection;
			}
		}
		return null;
	}

}
