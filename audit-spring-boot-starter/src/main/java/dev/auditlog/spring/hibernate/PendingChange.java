package dev.auditlog.spring.hibernate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.diff.EntitySnapshot;
import org.jspecify.annotations.Nullable;

/**
 * What one transaction did to one object so far: the first state before and the last
 * state after (the net change, as Envers keeps per revision), and per tracked collection
 * the first and the last elements.
 */
final class PendingChange {

	/** The key in {@code additional_data} that says where the old values come from. */
	static final String OLD_STATE = "oldState";

	final AuditedModel model;

	final Object id;

	Object entity;

	boolean entityChanged;

	boolean created;

	boolean deleted;

	/**
	 * Whether the state before the change is not known (see {@link #oldStateUnknown()}).
	 */
	boolean oldStateUnknown;

	@Nullable EntitySnapshot before;

	@Nullable EntitySnapshot after;

	@Nullable Map<String, CollectionState> collections;

	/** Set for an entry logged by hand: its action, changes and extra data. */
	@Nullable Action manualAction;

	@Nullable Changes manualChanges;

	@Nullable Map<String, @Nullable Object> manualData;

	@Nullable String manualRepr;

	/** When the change was last recorded; set by the recorder's stamp. */
	Instant timestamp = Instant.EPOCH;

	@Nullable String actor;

	@Nullable String cid;

	@Nullable String remoteAddr;

	PendingChange(AuditedModel model, Object id, Object entity) {
		this.model = model;
		this.id = id;
		this.entity = entity;
	}

	/**
	 * Mark a change whose old state Hibernate does not hold (a {@code StatelessSession}'s
	 * update or upsert): it is logged with the values written, its collections with their
	 * elements now, and {@code "oldState": "unknown"} in the additional data.
	 */
	void oldStateUnknown() {
		this.oldStateUnknown = true;
		this.manualData = Map.of(OLD_STATE, "unknown");
	}

	/**
	 * Mark a delete whose old values are those of the deleted object rather than of the
	 * loaded row (a {@code StatelessSession}'s delete): {@code "oldState": "entity"} in
	 * the additional data.
	 */
	void oldStateFromEntity() {
		this.manualData = Map.of(OLD_STATE, "entity");
	}

	void collectionChanged(String field, List<Object> before, List<Object> after) {
		if (this.collections == null) {
			this.collections = new LinkedHashMap<>();
		}
		CollectionState state = this.collections.get(field);
		if (state == null) {
			this.collections.put(field, new CollectionState(before, after));
		}
		else {
			state.after = after;
		}
	}

	static final class CollectionState {

		final List<Object> before;

		List<Object> after;

		CollectionState(List<Object> before, List<Object> after) {
			this.before = before;
			this.after = after;
		}

	}

}
