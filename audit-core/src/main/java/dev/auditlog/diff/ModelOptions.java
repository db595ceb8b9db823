package dev.auditlog.diff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.Action;
import dev.auditlog.core.FkRepresentation;
import org.jspecify.annotations.Nullable;

/**
 * The per-model options of the contract, as given by annotations or configuration; a
 * {@code null} component is not set. Options from two sources are combined with
 * {@link #overriddenBy(ModelOptions)}.
 *
 * @param includeFields only these fields are diffed and logged
 * @param excludeFields these fields are never diffed or logged
 * @param maskFields these fields are logged masked
 * @param mappingFields field name to label
 * @param m2mFields collection fields whose additions and removals are logged
 * @param actions the actions that are logged
 * @param serializeData whether to store the state after the change
 * @param serializeFields limit the stored state to these fields
 * @param serializeAuditlogFieldsOnly limit the stored state to the diffed fields
 * @param fkRepresentation how a to-one change is written
 * @since 0.1.0
 */
public record ModelOptions(@Nullable Set<String> includeFields, @Nullable Set<String> excludeFields,
		@Nullable Set<String> maskFields, @Nullable Map<String, String> mappingFields, @Nullable Set<String> m2mFields,
		@Nullable Set<Action> actions, @Nullable Boolean serializeData, @Nullable Set<String> serializeFields,
		@Nullable Boolean serializeAuditlogFieldsOnly, @Nullable FkRepresentation fkRepresentation) {

	/** No option set. */
	public static final ModelOptions NONE = new ModelOptions(null, null, null, null, null, null, null, null, null,
			null);

	/**
	 * Read the options of a class: {@link Auditable @Auditable} on it or a superclass,
	 * and {@link AuditIgnore @AuditIgnore}, {@link AuditMask @AuditMask} and
	 * {@link AuditLabel @AuditLabel} on its fields and getters, superclasses included.
	 * @param type the entity class
	 * @return the options; {@link #NONE} when the class carries none of them
	 */
	public static ModelOptions fromAnnotations(Class<?> type) {
		Set<String> ignored = new LinkedHashSet<>();
		Set<String> masked = new LinkedHashSet<>();
		Map<String, String> labels = new LinkedHashMap<>();
		collect("", AnnotatedMember.declaredOn(type), true, ignored, masked, labels);
		Auditable auditable = type.getAnnotation(Auditable.class);
		if (auditable == null) {
			return new ModelOptions(null, nullIfEmpty(ignored), nullIfEmpty(masked), labels.isEmpty() ? null : labels,
					null, null, null, null, null, null);
		}
		ignored.addAll(Arrays.asList(auditable.excludeFields()));
		masked.addAll(Arrays.asList(auditable.maskFields()));
		return new ModelOptions(names(auditable.includeFields()), nullIfEmpty(ignored), nullIfEmpty(masked),
				labels.isEmpty() ? null : labels, names(auditable.m2mFields()), actionsOf(auditable),
				auditable.serializeData(), names(auditable.serializeFields()), auditable.serializeAuditlogFieldsOnly(),
				auditable.fkRepresentation());
	}

	/**
	 * Return the field options given by the annotated members of a class reached at a
	 * path of a model, such as an embeddable: {@code @AuditMask} on {@code number} of the
	 * embeddable reached at {@code card} masks {@code card.number}.
	 * @param path the path at which the class is reached ({@code card}, {@code cards} for
	 * the elements of an element collection), or the empty string for the model itself
	 * @param members the annotated members of the class, see
	 * {@link AnnotatedMember#declaredOn(Class)}
	 * @param withLabels whether to take labels too; labels of the elements of a
	 * collection have no place to show
	 * @return excluded, masked and labelled fields; {@link #NONE} when there are none
	 */
	public static ModelOptions fromMembers(String path, List<AnnotatedMember> members, boolean withLabels) {
		Set<String> ignored = new LinkedHashSet<>();
		Set<String> masked = new LinkedHashSet<>();
		Map<String, String> labels = new LinkedHashMap<>();
		collect(path, members, withLabels, ignored, masked, labels);
		if (ignored.isEmpty() && masked.isEmpty() && labels.isEmpty()) {
			return NONE;
		}
		return new ModelOptions(null, nullIfEmpty(ignored), nullIfEmpty(masked), labels.isEmpty() ? null : labels, null,
				null, null, null, null, null);
	}

	private static void collect(String path, List<AnnotatedMember> members, boolean withLabels, Set<String> ignored,
			Set<String> masked, Map<String, String> labels) {
		for (AnnotatedMember member : members) {
			if (member.property() == null) {
				continue;
			}
			String name = path.isEmpty() ? member.property() : path + "." + member.property();
			if (member.ignore()) {
				ignored.add(name);
			}
			if (member.mask()) {
				masked.add(name);
			}
			if (withLabels && member.label() != null) {
				labels.putIfAbsent(name, member.label());
			}
		}
	}

	private static Set<Action> actionsOf(Auditable auditable) {
		Set<Action> actions = EnumSet.noneOf(Action.class);
		actions.addAll(Arrays.asList(auditable.actions()));
		return actions;
	}

	private static @Nullable Set<String> names(String[] names) {
		return (names.length > 0) ? new LinkedHashSet<>(List.of(names)) : null;
	}

	private static @Nullable Set<String> nullIfEmpty(Set<String> names) {
		return names.isEmpty() ? null : names;
	}

	/**
	 * Combine these options with others that take precedence, such as configuration over
	 * annotations. Set options of {@code override} replace these, except that excluded
	 * and masked fields are combined (configuration can exclude or mask more, never
	 * unmask a field the code masks) and labels are merged field by field.
	 * @param override the options that win
	 * @return the combined options
	 */
	public ModelOptions overriddenBy(ModelOptions override) {
		return new ModelOptions(pick(override.includeFields, this.includeFields),
				union(this.excludeFields, override.excludeFields), union(this.maskFields, override.maskFields),
				merge(this.mappingFields, override.mappingFields), pick(override.m2mFields, this.m2mFields),
				pick(override.actions, this.actions), pick(override.serializeData, this.serializeData),
				pick(override.serializeFields, this.serializeFields),
				pick(override.serializeAuditlogFieldsOnly, this.serializeAuditlogFieldsOnly),
				pick(override.fkRepresentation, this.fkRepresentation));
	}

	private static <T> @Nullable T pick(@Nullable T preferred, @Nullable T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

	private static @Nullable Set<String> union(@Nullable Set<String> first, @Nullable Set<String> second) {
		return combine(first, second, (both) -> {
			Set<String> union = new LinkedHashSet<>(both.get(0));
			union.addAll(both.get(1));
			return union;
		});
	}

	private static @Nullable Map<String, String> merge(@Nullable Map<String, String> first,
			@Nullable Map<String, String> second) {
		return combine(first, second, (both) -> {
			Map<String, String> merged = new LinkedHashMap<>(both.get(0));
			merged.putAll(both.get(1));
			return merged;
		});
	}

	private static <T> @Nullable T combine(@Nullable T first, @Nullable T second, Function<List<T>, T> both) {
		if (first == null) {
			return second;
		}
		if (second == null) {
			return first;
		}
		return both.apply(List.of(first, second));
	}

}
