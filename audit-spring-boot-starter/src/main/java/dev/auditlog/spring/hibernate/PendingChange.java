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
 * the first and the last elements. The merge table lives here, in the methods the
 * listener calls per Hibernate event ({@link #inserted}, {@link #updated},
 * {@link #deleted}, {@link #collectionChanged}) and those the recorder reads the net
 * change with ({@link #netAction()}, {@link #oldState()}, {@link #newState()},
 * {@link #carriesCollections()}):
 * <table>
 * <caption>Net change of one object in one transaction</caption>
 * <tr>
 * <th>events</th>
 * <th>net entry</th>
 * </tr>
 * <tr>
 * <td>insert, then updates</td>
 * <td>{@code CREATE} with the last values</td>
 * </tr>
 * <tr>
 * <td>updates</td>
 * <td>{@code UPDATE} from the first old to the last new values; none if they are equal,
 * or if only the {@code @Version} changed</td>
 * </tr>
 * <tr>
 * <td>updates, then delete</td>
 * <td>{@code DELETE} with the first old values</td>
 * </tr>
 * <tr>
 * <td>insert, then delete</td>
 * <td>nothing</td>
 * </tr>
 * <tr>
 * <td>delete, then insert of the same id</td>
 * <td>{@code UPDATE} from the first old values</td>
 * </tr>
 * <tr>
 * <td>collection changes only</td>
 * <td>one {@code UPDATE} per collection, first to last elements</td>
 * </tr>
 * <tr>
 * <td>collection changes with a create (or an update whose old state is unknown)</td>
 * <td>the elements in that entry; with a delete: none (the delete covers them)</td>
 * </tr>
 * </table>
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

	/**
	 * Whether {@link #before} (and {@link #after}, unless created) hold only the fields
	 * of updates that Hibernate found dirty (see {@link #updatedDirty}).
	 */
	boolean partial;

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

	/** The Hibernate tenant of the session that made the change, or {@code null}. */
	@Nullable String tenant;

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

	/**
	 * Return whether the state before the coming update or delete is still to be taken:
	 * only the first state before counts.
	 */
	boolean needsOldState() {
		return !this.entityChanged || this.partial;
	}

	/**
	 * Return whether the coming delete must take the deleted state: the first change, or
	 * one after an update whose old state was not known.
	 */
	boolean needsDeletedState() {
		return !this.entityChanged || this.partial || (this.oldStateUnknown && this.before == null);
	}

	/**
	 * The object was inserted with the given state: a {@code CREATE}, unless it was
	 * changed before in this transaction (deleted and inserted again: an update).
	 */
	void inserted(EntitySnapshot state) {
		if (!this.entityChanged) {
			this.created = true;
		}
		this.entityChanged = true;
		this.deleted = false;
		this.after = state;
	}

	/**
	 * The object was updated to the given state.
	 * @param oldState its state before, taken only when {@link #needsOldState()} held;
	 * {@code null} otherwise or when not known
	 * @param newState its state after
	 */
	void updated(@Nullable EntitySnapshot oldState, EntitySnapshot newState) {
		if (this.partial) {
			// the fields not dirty so far still hold their first values
			this.before = (oldState != null) ? underlay(this.before, oldState) : this.before;
			this.partial = false;
		}
		else if (!this.entityChanged && oldState != null) {
			this.before = oldState;
		}
		this.entityChanged = true;
		this.after = newState;
	}

	/**
	 * The object was updated, and the given states hold only the fields Hibernate found
	 * dirty (the others are the same before and after). Merged field by field: each
	 * field's first old value and last new value; a later full state completes them.
	 * @param oldDirty the dirty fields' values before
	 * @param newDirty the dirty fields' values after
	 */
	void updatedDirty(EntitySnapshot oldDirty, EntitySnapshot newDirty) {
		if (!this.entityChanged) {
			this.before = oldDirty;
			this.after = newDirty;
			this.partial = true;
		}
		else {
			if (this.partial) {
				this.before = underlay(this.before, oldDirty);
			}
			this.after = (this.after != null) ? overlay(this.after, newDirty) : newDirty;
		}
		this.entityChanged = true;
	}

	/**
	 * Return the first state with the fields it lacks taken from the second.
	 */
	private static EntitySnapshot underlay(@Nullable EntitySnapshot first, EntitySnapshot second) {
		if (first == null) {
			return second;
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>(first.values());
		second.values().forEach((field, value) -> {
			if (!values.containsKey(field)) {
				values.put(field, value);
			}
		});
		return new EntitySnapshot(first.model(), first.id(), first.repr(), values);
	}

	/**
	 * Return the first state with the fields of the second put over it.
	 */
	private static EntitySnapshot overlay(EntitySnapshot first, EntitySnapshot second) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(first.values());
		values.putAll(second.values());
		return new EntitySnapshot(first.model(), first.id(), first.repr(), values);
	}

	/**
	 * The object was deleted.
	 * @param deletedState its state when deleted, taken only when
	 * {@link #needsDeletedState()} held; {@code null} otherwise
	 */
	void deleted(@Nullable EntitySnapshot deletedState) {
		if (deletedState != null) {
			this.before = this.partial ? underlay(this.before, deletedState) : deletedState;
		}
		this.partial = false;
		this.entityChanged = true;
		this.deleted = true;
		this.after = null;
	}

	/**
	 * Return the action of the net entry of the object itself: {@code null} when the
	 * entity did not change (only collections, or nothing) or was created and deleted in
	 * this transaction.
	 */
	@Nullable Action netAction() {
		if (!this.entityChanged || (this.created && this.deleted)) {
			return null;
		}
		return this.created ? Action.CREATE : (this.deleted ? Action.DELETE : Action.UPDATE);
	}

	/**
	 * Return the state the net change starts from: {@code null} for a creation.
	 */
	@Nullable EntitySnapshot oldState() {
		return this.created ? null : this.before;
	}

	/**
	 * Return the state the net change ends in: {@code null} for a deletion.
	 */
	@Nullable EntitySnapshot newState() {
		return this.deleted ? null : this.after;
	}

	/**
	 * Return whether the entry of the object itself carries its collections' elements (a
	 * creation, or an update whose old state is unknown) or covers them (a deletion), so
	 * that they get no entries of their own.
	 */
	boolean coversCollections() {
		return this.entityChanged && (this.deleted || this.created || this.oldStateUnknown);
	}

	/**
	 * Return whether the entry of the object itself lists its collections' elements now.
	 */
	boolean carriesCollections() {
		return (this.created || this.oldStateUnknown) && this.collections != null;
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
