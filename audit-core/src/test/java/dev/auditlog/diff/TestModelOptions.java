package dev.auditlog.diff;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.auditlog.core.Action;
import dev.auditlog.core.FkRepresentation;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link ModelOptions} in tests without spelling out all ten components.
 */
final class TestModelOptions {

	private @Nullable Set<String> include;

	private @Nullable Set<String> exclude;

	private @Nullable Set<String> mask;

	private @Nullable Map<String, String> mapping;

	private @Nullable Set<String> m2m;

	private @Nullable Set<Action> actions;

	private @Nullable Boolean serializeData;

	private @Nullable Set<String> serializeFields;

	private @Nullable Boolean serializeAuditlogFieldsOnly;

	private @Nullable FkRepresentation fkRepresentation;

	private TestModelOptions() {
	}

	static TestModelOptions options() {
		return new TestModelOptions();
	}

	TestModelOptions include(String... names) {
		this.include = names(names);
		return this;
	}

	TestModelOptions exclude(String... names) {
		this.exclude = names(names);
		return this;
	}

	TestModelOptions mask(String... names) {
		this.mask = names(names);
		return this;
	}

	TestModelOptions label(String field, String label) {
		if (this.mapping == null) {
			this.mapping = new LinkedHashMap<>();
		}
		this.mapping.put(field, label);
		return this;
	}

	TestModelOptions m2m(String... names) {
		this.m2m = names(names);
		return this;
	}

	TestModelOptions actions(Action... actions) {
		this.actions = EnumSet.noneOf(Action.class);
		this.actions.addAll(List.of(actions));
		return this;
	}

	TestModelOptions serializeData(boolean serializeData) {
		this.serializeData = serializeData;
		return this;
	}

	TestModelOptions serializeFields(String... names) {
		this.serializeFields = names(names);
		return this;
	}

	TestModelOptions serializeAuditlogFieldsOnly(boolean only) {
		this.serializeAuditlogFieldsOnly = only;
		return this;
	}

	TestModelOptions fkRepresentation(FkRepresentation fkRepresentation) {
		this.fkRepresentation = fkRepresentation;
		return this;
	}

	ModelOptions build() {
		return new ModelOptions(this.include, this.exclude, this.mask, this.mapping, this.m2m, this.actions,
				this.serializeData, this.serializeFields, this.serializeAuditlogFieldsOnly, this.fkRepresentation);
	}

	private static Set<String> names(String... names) {
		return new LinkedHashSet<>(List.of(names));
	}

}
