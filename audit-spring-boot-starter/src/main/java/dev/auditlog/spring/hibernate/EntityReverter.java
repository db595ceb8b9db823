package dev.auditlog.spring.hibernate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import dev.auditlog.core.Action;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.ObjectHistory;
import dev.auditlog.core.ObjectState;
import dev.auditlog.core.RevertRefusedException;
import dev.auditlog.core.RevertRefusedException.Reason;
import dev.auditlog.core.StoredText;
import dev.auditlog.core.ValueChange;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.hibernate.AuditlogEntityManagerFactoryPostProcessor.Registration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Undoes logged changes on live entities through JPA, so that the undoing is audited as
 * any change is. Each value is parsed back from its logged string into the field's type
 * and accepted only when formatting it again gives that string, so a value is brought
 * back exactly or not at all.
 */
final class EntityReverter {

	/** The member of {@code additional_data} naming the reverted entry. */
	static final String REVERT_OF = "revertOf";

	/** The member of {@code additional_data} naming the instant restored. */
	static final String RESTORED_TO = "restoredTo";

	private final AuditlogProperties properties;

	private final ObjectProvider<PlatformTransactionManager> transactionManager;

	private final RevertMarks marks;

	private final ValueFormatter formatter;

	EntityReverter(AuditlogProperties properties, ObjectProvider<PlatformTransactionManager> transactionManager,
			RevertMarks marks, ValueFormatter formatter) {
		this.properties = properties;
		this.transactionManager = transactionManager;
		this.marks = marks;
		this.formatter = formatter;
	}

	void revert(Registration registration, AuditedModel model, LogEntry entry, ObjectHistory history) {
		long entryId = Objects.requireNonNull(entry.id());
		requireRevertible(model, entryId);
		if (entry.action() != Action.UPDATE) {
			throw new RevertRefusedException(Reason.NOT_AN_UPDATE, entryId,
					"Entry " + entryId + " is a " + entry.action() + " of " + entry.model() + " #" + entry.objectPk()
							+ ": only an UPDATE is reverted");
		}
		Map<String, ValueChange> changes = new LinkedHashMap<>();
		entry.changes().asMap().forEach((field, change) -> {
			if (!field.equals(model.versionField())) {
				changes.put(field, valueChange(entryId, model, field, change));
			}
		});
		List<String> changedSince = new ArrayList<>();
		boolean after = false;
		for (LogEntry later : history.entries()) {
			if (after && later.action() != Action.ACCESS) {
				if (later.action() == Action.DELETE) {
					throw new RevertRefusedException(Reason.NO_OBJECT, entryId, entry.model() + " #" + entry.objectPk()
							+ " was deleted since entry " + entryId + " (entry " + later.id() + ")");
				}
				later.changes().fields().stream().filter(changes::containsKey).forEach(changedSince::add);
			}
			after = after || Objects.equals(later.id(), entry.id());
		}
		if (!changedSince.isEmpty()) {
			throw new RevertRefusedException(Reason.CHANGED_SINCE, entryId, "Field(s) " + new TreeSet<>(changedSince)
					+ " of " + entry.model() + " #" + entry.objectPk() + " changed again since entry " + entryId);
		}
		Map<String, @Nullable String> current = new LinkedHashMap<>();
		Map<String, @Nullable String> target = new LinkedHashMap<>();
		changes.forEach((field, change) -> {
			current.put(field, change.newValue());
			target.put(field, change.oldValue());
		});
		Map<String, @Nullable Object> mark = new LinkedHashMap<>();
		mark.put(REVERT_OF, entryId);
		apply(registration, model, entry.objectPk(), null, current, target, mark, entryId);
	}

	void restore(Registration registration, AuditedModel model, Object key, ObjectHistory history, Instant at) {
		requireRevertible(model, null);
		String name = model.entityName() + " #" + this.formatter.formatKey(LogEntryRecorder.keyOf(key));
		ObjectState then = history.stateAt(at);
		ObjectState now = history.stateAt(Instant.MAX);
		if (then.status() != ObjectState.Status.EXISTS || now.status() != ObjectState.Status.EXISTS) {
			throw new RevertRefusedException(Reason.NO_OBJECT, null,
					name + " is " + describe(now.status()) + " now and was " + describe(then.status()) + " at " + at
							+ ": only an existing object is restored");
		}
		Map<String, @Nullable String> current = new LinkedHashMap<>();
		Map<String, @Nullable String> target = new LinkedHashMap<>();
		TreeSet<String> fields = new TreeSet<>(then.values().keySet());
		fields.addAll(now.values().keySet());
		fields.addAll(then.missingFields());
		for (String field : fields) {
			if (field.equals(model.versionField()) || model.policy().isExcluded(field)
					|| (!model.policy().isAudited(field) && !model.policy().tracksCollection(field)
							&& !then.values().containsKey(field))) {
				continue;
			}
			Object old = then.values().get(field);
			Object latest = now.values().get(field);
			if (then.values().containsKey(field) && now.values().containsKey(field) && Objects.equals(old, latest)) {
				continue;
			}
			if (!then.values().containsKey(field) && !now.values().containsKey(field)) {
				// in no entry kept: not changed since the oldest one
				continue;
			}
			if (!then.values().containsKey(field) || !now.values().containsKey(field)) {
				throw new RevertRefusedException(Reason.NOT_RESTORABLE, null,
						"The value of field '" + field + "' of " + name + " is not known "
								+ (then.values().containsKey(field) ? "now" : "at " + at)
								+ ": earlier entries were deleted");
			}
			if (model.policy().isCollection(field) || old instanceof List<?> || latest instanceof List<?>) {
				throw new RevertRefusedException(Reason.NOT_RESTORABLE, null,
						"Field '" + field + "' of " + name + " is a collection: collection changes are not restored");
			}
			checkValue(null, model, field, (String) old, (String) latest);
			current.put(field, (String) latest);
			target.put(field, (String) old);
		}
		if (target.isEmpty()) {
			return;
		}
		Map<String, @Nullable Object> mark = new LinkedHashMap<>();
		mark.put(RESTORED_TO, at.toString());
		apply(registration, model, null, key, current, target, mark, null);
	}

	private static String describe(ObjectState.Status status) {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	private void requireRevertible(AuditedModel model, @Nullable Long entryId) {
		if (!isRevertible(model)) {
			throw new RevertRefusedException(Reason.NOT_REVERTIBLE, entryId,
					"Model " + model.entityName() + " is not revertible: set auditlog.models." + model.entityName()
							+ ".revertible=true to let AuditLog.revert and restore change it");
		}
	}

	boolean isRevertible(AuditedModel model) {
		for (Map.Entry<String, AuditlogProperties.Model> configured : this.properties.getModels().entrySet()) {
			String name = configured.getKey();
			if (name.equals(model.entityName()) || name.equals(model.type().getName())
					|| name.equals(model.type().getSimpleName())) {
				return Boolean.TRUE.equals(configured.getValue().getRevertible());
			}
		}
		return false;
	}

	private ValueChange valueChange(@Nullable Long entryId, AuditedModel model, String field, FieldChange change) {
		if (change instanceof CollectionChange) {
			throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId,
					"Entry " + entryId + " changes collection '" + field + "' of " + model.entityName()
							+ ": collection changes are not reverted");
		}
		ValueChange value = (ValueChange) change;
		checkValue(entryId, model, field, value.oldValue(), value.newValue());
		return value;
	}

	private void checkValue(@Nullable Long entryId, AuditedModel model, String field, @Nullable String oldValue,
			@Nullable String newValue) {
		String what = ((entryId != null) ? "Entry " + entryId + ": field '" : "Field '") + field + "' of "
				+ model.entityName();
		if (model.policy().isMasked(field)) {
			throw new RevertRefusedException(Reason.MASKED, entryId,
					what + " is masked: its old value is not known in clear");
		}
		if ((oldValue != null && StoredText.isCut(oldValue)) || (newValue != null && StoredText.isCut(newValue))) {
			throw new RevertRefusedException(Reason.CUT, entryId,
					what + " was cut to fit the log ([cut: …]): its value is not known whole");
		}
	}

	private void apply(Registration registration, AuditedModel model, @Nullable String objectPk, @Nullable Object key,
			Map<String, @Nullable String> current, Map<String, @Nullable String> target,
			Map<String, @Nullable Object> mark, @Nullable Long entryId) {
		Runnable work = () -> {
			EntityManager entityManager = EntityManagerFactoryUtils
				.getTransactionalEntityManager(registration.transactionKey());
			if (entityManager == null) {
				throw new IllegalStateException("No transactional EntityManager for " + model.entityName());
			}
			Object id = (key != null) ? key : parseKey(entityManager, model, Objects.requireNonNull(objectPk), entryId);
			String name = model.entityName() + " #" + this.formatter.formatKey(LogEntryRecorder.keyOf(id));
			Object entity = entityManager.find(model.type(), id);
			if (entity == null) {
				throw new RevertRefusedException(Reason.NO_OBJECT, entryId, name + " does not exist");
			}
			DirectFieldAccessor accessor = new DirectFieldAccessor(entity);
			accessor.setAutoGrowNestedPaths(true);
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			for (Map.Entry<String, @Nullable String> field : target.entrySet()) {
				Class<?> type = typeOf(accessor, field.getKey(), name, entryId);
				String live = logged(entityManager, model, readValue(accessor, field.getKey()));
				if (!Objects.equals(live, current.get(field.getKey()))) {
					throw new RevertRefusedException(Reason.CHANGED_SINCE, entryId,
							"Field '" + field.getKey() + "' of " + name + " is " + live + " now, not "
									+ current.get(field.getKey()) + " as last logged: it changed since");
				}
				values.put(field.getKey(),
						parse(entityManager, model, field.getKey(), field.getValue(), type, name, entryId));
			}
			this.marks.mark(entity, mark);
			values.forEach(accessor::setPropertyValue);
		};
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			work.run();
			return;
		}
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager.getObject());
		transaction.executeWithoutResult((status) -> work.run());
	}

	private static @Nullable Object readValue(DirectFieldAccessor accessor, String path) {
		int dot = path.lastIndexOf('.');
		if (dot > 0 && accessor.getPropertyValue(path.substring(0, dot)) == null) {
			// reading would grow the embeddable: it is null, so is its field
			return null;
		}
		return accessor.getPropertyValue(path);
	}

	private static Class<?> typeOf(DirectFieldAccessor accessor, String field, String name, @Nullable Long entryId) {
		Class<?> type;
		try {
			type = accessor.getPropertyType(field);
		}
		catch (BeansException ex) {
			type = null;
		}
		if (type == null) {
			throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId,
					"Field '" + field + "' of " + name + " is no field of its class: it cannot be set back");
		}
		return type;
	}

	/**
	 * Return the value as the log writes it: an entity by its key.
	 */
	private @Nullable String logged(EntityManager entityManager, AuditedModel model, @Nullable Object value) {
		if (value != null && isEntity(entityManager, Hibernate.getClass(value))) {
			if (model.policy().fkRepresentation() == FkRepresentation.STRING) {
				return this.formatter.format(value.toString(), FkRepresentation.STRING);
			}
			Object id = entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(value);
			return (id != null) ? this.formatter.formatKey(LogEntryRecorder.keyOf(id)) : null;
		}
		return this.formatter.format(value, model.policy().fkRepresentation());
	}

	private static boolean isEntity(EntityManager entityManager, Class<?> type) {
		try {
			entityManager.getMetamodel().entity(type);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Object parseKey(EntityManager entityManager, AuditedModel model, String objectPk, @Nullable Long entryId) {
		EntityType<?> entityType = entityManager.getMetamodel().entity(model.type());
		if (!entityType.hasSingleIdAttribute()) {
			throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId,
					model.entityName() + " has a composite key: its objects are not reverted by entry");
		}
		Object key = parse(entityManager, model, "id", objectPk, entityType.getIdType().getJavaType(),
				model.entityName() + " #" + objectPk, entryId);
		return Objects.requireNonNull(key);
	}

	/**
	 * Parse a logged value into the given type, accepting it only when formatting it
	 * again gives the logged string.
	 */
	private @Nullable Object parse(EntityManager entityManager, AuditedModel model, String field, @Nullable String text,
			Class<?> type, String name, @Nullable Long entryId) {
		if (text == null) {
			if (type.isPrimitive()) {
				throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId,
						"Field '" + field + "' of " + name + " is primitive and cannot be set to null");
			}
			return null;
		}
		if (isEntity(entityManager, type)) {
			if (model.policy().fkRepresentation() == FkRepresentation.STRING) {
				throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId, "Field '" + field + "' of " + name
						+ " is logged by its target's toString() (fk-representation: string), not its key");
			}
			Class<?> idType = entityManager.getMetamodel().entity(type).getIdType().getJavaType();
			Object id = parse(entityManager, model, field, text, idType, name, entryId);
			return entityManager.getReference(type, id);
		}
		Object value;
		try {
			value = parseBasic(text, type);
		}
		catch (RuntimeException ex) {
			throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId, "Field '" + field + "' of " + name + ": '"
					+ text + "' cannot be read back as " + type.getSimpleName() + " (" + ex.getMessage() + ")");
		}
		if (value == null || !text.equals(this.formatter.format(value, FkRepresentation.ID))) {
			throw new RevertRefusedException(Reason.NOT_RESTORABLE, entryId, "Field '" + field + "' of " + name + ": '"
					+ text + "' has no exact form as " + type.getSimpleName());
		}
		return value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static @Nullable Object parseBasic(String text, Class<?> type) {
		Class<?> boxed = box(type);
		if (boxed == String.class) {
			return text;
		}
		if (boxed.isEnum()) {
			return Enum.valueOf((Class<? extends Enum>) boxed, text);
		}
		if (boxed == BigDecimal.class) {
			return new BigDecimal(text);
		}
		if (boxed == BigInteger.class) {
			return new BigInteger(text);
		}
		if (boxed == Long.class) {
			return Long.valueOf(text);
		}
		if (boxed == Integer.class) {
			return Integer.valueOf(text);
		}
		if (boxed == Short.class) {
			return Short.valueOf(text);
		}
		if (boxed == Byte.class) {
			return Byte.valueOf(text);
		}
		if (boxed == Double.class) {
			return Double.valueOf(text);
		}
		if (boxed == Float.class) {
			return Float.valueOf(text);
		}
		if (boxed == Boolean.class) {
			return switch (text) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> throw new IllegalArgumentException("not true or false");
			};
		}
		if (boxed == Character.class) {
			return (text.length() == 1) ? text.charAt(0) : null;
		}
		if (boxed == UUID.class) {
			return UUID.fromString(text);
		}
		if (boxed == Instant.class) {
			return Instant.parse(text);
		}
		if (boxed == LocalDate.class) {
			return LocalDate.parse(text);
		}
		if (boxed == LocalDateTime.class) {
			return LocalDateTime.parse(text);
		}
		if (boxed == LocalTime.class) {
			return LocalTime.parse(text);
		}
		if (boxed == OffsetDateTime.class) {
			return Instant.parse(text).atOffset(ZoneOffset.UTC);
		}
		if (boxed == ZonedDateTime.class) {
			return Instant.parse(text).atZone(ZoneOffset.UTC);
		}
		if (boxed == OffsetTime.class) {
			return OffsetTime.parse(text);
		}
		if (boxed == java.sql.Date.class) {
			return java.sql.Date.valueOf(LocalDate.parse(text));
		}
		if (boxed == java.sql.Time.class) {
			return java.sql.Time.valueOf(LocalTime.parse(text));
		}
		if (boxed == java.sql.Timestamp.class) {
			return java.sql.Timestamp.from(Instant.parse(text));
		}
		if (boxed == java.util.Date.class) {
			return java.util.Date.from(Instant.parse(text));
		}
		if (boxed == Duration.class) {
			return Duration.parse(text);
		}
		if (boxed == Period.class) {
			return Period.parse(text);
		}
		if (boxed == Year.class) {
			return Year.parse(text);
		}
		if (boxed == YearMonth.class) {
			return YearMonth.parse(text);
		}
		return null;
	}

	private static Class<?> box(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		return switch (type.getName()) {
			case "int" -> Integer.class;
			case "long" -> Long.class;
			case "short" -> Short.class;
			case "byte" -> Byte.class;
			case "double" -> Double.class;
			case "float" -> Float.class;
			case "boolean" -> Boolean.class;
			case "char" -> Character.class;
			default -> type;
		};
	}

}
