package dev.auditlog.spring.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.diff.FieldPolicy;
import dev.auditlog.diff.ModelOptions;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * The audited entities of one session factory, chosen and checked at startup: an entity
 * is audited when its class carries {@link Auditable @Auditable}, when it is named under
 * {@code auditlog.models}, or when {@code auditlog.include-all-models} is set and it is
 * not under {@code auditlog.exclude-models}. Configuration that names something the
 * session factory does not have fails with a message naming it.
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
		Map<String, AuditedModel> models = new LinkedHashMap<>();
		for (EntityPersister persister : persisters) {
			AuditlogProperties.@Nullable Model configured = configuredModel(persister, properties);
			Class<?> type = persister.getMappedClass();
			boolean audited = type.isAnnotationPresent(Auditable.class) || configured != null
					|| (properties.isIncludeAllModels() && !isExcluded(persister, properties.getExcludeModels()));
			if (audited) {
				models.put(persister.getEntityName(), model(persister, configured, properties, collections));
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
			AuditlogProperties properties, Map<String, CollectionPersister> collections) {
		Class<?> type = persister.getMappedClass();
		ModelOptions options = ModelOptions.fromAnnotations(type);
		if (configured != null) {
			options = options.overriddenBy(configured.toOptions());
		}
		boolean fkAsString = options.fkRepresentation() == FkRepresentation.STRING;
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
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(ID_CLASS_PROPERTY)) {
				// the @IdClass parts, already logged as the identifier
				continue;
			}
			if (types[i].isCollectionType()) {
				policy.collectionField(names[i]);
			}
			else {
				addFields(policy, names[i], types[i]);
				readers.add(new AuditedModel.PropertyReader(i, names[i], types[i], fkAsString));
			}
		}
		FieldPolicy built;
		try {
			built = policy.options(options).build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuditConfigurationException(ex.getMessage(), ex);
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
		return new AuditedModel(entityName, type, built, idField, versionField, readers);
	}

	private static void addFields(FieldPolicy.Builder policy, String name, Type type) {
		if (type instanceof ComponentType component) {
			String[] names = component.getPropertyNames();
			Type[] subtypes = component.getSubtypes();
			for (int i = 0; i < names.length; i++) {
				if (!subtypes[i].isCollectionType()) {
					addFields(policy, name + "." + names[i], subtypes[i]);
				}
			}
		}
		else if (type instanceof EntityType) {
			policy.field(name);
		}
		else {
			policy.field(name, type.getReturnedClass());
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
