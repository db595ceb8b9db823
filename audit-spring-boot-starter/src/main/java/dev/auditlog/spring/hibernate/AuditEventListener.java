package dev.auditlog.spring.hibernate;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.auditlog.core.AuditContext;
import dev.auditlog.diff.EntityRef;
import dev.auditlog.diff.EntitySnapshot;
import org.hibernate.collection.spi.PersistentArrayHolder;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PostUpsertEvent;
import org.hibernate.event.spi.PostUpsertEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.Type;
import org.hibernate.resource.transaction.spi.TransactionObserver;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Collects the changes of audited entities per transaction from Hibernate's events. The
 * old state comes from Hibernate's loaded state, so nothing is read. The changes are
 * written once, just before the transaction commits, after Hibernate's own flush and
 * before-completion work; a rollback discards them. A {@code StatelessSession} holds no
 * loaded state: its updates and upserts are logged with the values written and
 * {@code "oldState": "unknown"} in the additional data, its deletes with the values of
 * the deleted object and {@code "oldState": "entity"}; its changes outside a transaction
 * are written at once.
 */
final class AuditEventListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		PostUpsertEventListener, PostCollectionRecreateEventListener, PreCollectionUpdateEventListener,
		PreCollectionRemoveEventListener, FlushEventListener {

	private final AuditedModels models;

	private final Supplier<LogEntryRecorder> recorder;

	private final boolean squash;

	private final int chunkSize;

	private final Map<SharedSessionContractImplementor, TransactionChanges> open = new ConcurrentHashMap<>();

	private final ThreadLocal<List<StatelessCollection>> statelessCollections = ThreadLocal.withInitial(ArrayList::new);

	AuditEventListener(AuditedModels models, Supplier<LogEntryRecorder> recorder, boolean squash) {
		this(models, recorder, squash, 0);
	}

	/**
	 * Create the listener.
	 * @param models the audited models
	 * @param recorder writes the entries
	 * @param squash whether an object's changes in one transaction make one entry
	 * @param chunkSize the pending entries from which a flush writes them, inside the
	 * transaction ({@code auditlog.write-chunk-size}); 0 for never
	 */
	AuditEventListener(AuditedModels models, Supplier<LogEntryRecorder> recorder, boolean squash, int chunkSize) {
		this.models = models;
		this.recorder = recorder;
		this.squash = squash;
		this.chunkSize = chunkSize;
	}

	/**
	 * After a flush (this listener runs after Hibernate's own): write the pending changes
	 * of the transaction once there are {@code auditlog.write-chunk-size} of them, so
	 * that a batch job that flushes and clears holds no more than that until its commit.
	 * A flush has run all the events of the objects it wrote, their collections included,
	 * so every entry written here is complete; later changes of the same objects get
	 * entries of their own.
	 */
	@Override
	public void onFlush(FlushEvent event) {
		if (this.chunkSize <= 0) {
			return;
		}
		SharedSessionContractImplementor session = event.getSession();
		TransactionChanges changes = this.open.get(session);
		if (changes != null && !changes.completed && changes.inOrder.size() >= this.chunkSize
				&& session.isTransactionInProgress()) {
			changes.writeChunk();
		}
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		AuditedModel model = auditedModel(event.getPersister());
		if (model == null) {
			return;
		}
		PendingChange change = pending(event.getSession(), model, event.getId(), event.getEntity());
		change.inserted(model.snapshot(event.getId(), event.getState(), event.getSession()));
		addStatelessCollections(change, event.getSession());
		writeIfOutsideTransaction(event.getSession());
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		AuditedModel model = auditedModel(event.getPersister());
		if (model == null) {
			return;
		}
		PendingChange change = pending(event.getSession(), model, event.getId(), event.getEntity());
		Object[] oldState = event.getOldState();
		int[] dirty = event.getDirtyProperties();
		if (oldState != null && dirty != null && model.snapshotsDirtyOnly() && !event.getSession().isStateless()) {
			// the other properties are the same before and after: not read, not diffed
			change.updatedDirty(model.snapshot(event.getId(), oldState, dirty, event.getSession()),
					model.snapshot(event.getId(), event.getState(), dirty, event.getSession()));
		}
		else {
			EntitySnapshot before = null;
			if (oldState == null && event.getSession().isStateless()) {
				// a StatelessSession keeps no state: what the row held before is not
				// known
				// without reading it
				change.oldStateUnknown();
			}
			else if (change.needsOldState()) {
				before = model.snapshot(event.getId(), (oldState != null) ? oldState
						: withoutDirtyValues(event.getState(), event.getDirtyProperties()), event.getSession());
			}
			change.updated(before, model.snapshot(event.getId(), event.getState(), event.getSession()));
		}
		addStatelessCollections(change, event.getSession());
		writeIfOutsideTransaction(event.getSession());
	}

	/**
	 * A {@code StatelessSession.upsert()}: the row was inserted or updated, and what it
	 * held before is not known. Logged as an {@code UPDATE} with the values written.
	 */
	@Override
	public void onPostUpsert(PostUpsertEvent event) {
		AuditedModel model = auditedModel(event.getPersister());
		if (model == null) {
			return;
		}
		PendingChange change = pending(event.getSession(), model, event.getId(), event.getEntity());
		change.oldStateUnknown();
		change.updated(null, model.snapshot(event.getId(), event.getState(), event.getSession()));
		addStatelessCollections(change, event.getSession());
		writeIfOutsideTransaction(event.getSession());
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		AuditedModel model = auditedModel(event.getPersister());
		if (model == null) {
			return;
		}
		PendingChange change = pending(event.getSession(), model, event.getId(), event.getEntity());
		EntitySnapshot before = null;
		if (change.needsDeletedState()) {
			Object[] deletedState = event.getDeletedState();
			if (deletedState == null) {
				// a StatelessSession keeps no state: log the values the application's
				// object held, without reading the row
				deletedState = event.getPersister().getValues(event.getEntity());
				change.oldStateFromEntity();
			}
			before = model.snapshot(event.getId(), deletedState, event.getSession());
		}
		change.deleted(before);
		writeIfOutsideTransaction(event.getSession());
	}

	/**
	 * Write the changes of a session that works outside any transaction (a
	 * {@code StatelessSession} in auto-commit) at once, on its connection: its statements
	 * are committed as they run, and no transaction completion will come.
	 */
	private void writeIfOutsideTransaction(SharedSessionContractImplementor session) {
		if (session.isTransactionInProgress()) {
			return;
		}
		TransactionChanges changes = this.open.remove(session);
		if (changes != null && !changes.completed) {
			changes.completed = true;
			this.recorder.get().record(changes.inOrder, session);
		}
	}

	@Override
	public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
		collectionChanged(event, false, true);
	}

	@Override
	public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
		collectionChanged(event, true, true);
	}

	@Override
	public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
		collectionChanged(event, true, false);
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private @Nullable AuditedModel auditedModel(EntityPersister persister) {
		AuditedModel model = this.models.find(persister.getEntityName());
		return (model != null && !AuditContext.isDisabled()) ? model : null;
	}

	private void collectionChanged(AbstractCollectionEvent event, boolean hadElements, boolean hasElements) {
		CollectionPersister persister = event.getCollectionPersister();
		Object owner = event.getAffectedOwnerOrNull();
		Object ownerId = event.getAffectedOwnerIdOrNull();
		if (persister.isInverse() || owner == null || ownerId == null || AuditContext.isDisabled()) {
			return;
		}
		if (persister.isOneToMany() && hasElements) {
			parentOfNewElements(event, persister, owner);
		}
		AuditedModel model = this.models.find(event.getAffectedOwnerEntityName());
		if (model == null) {
			return;
		}
		String field = persister.getRole().substring(persister.getOwnerEntityPersister().getEntityName().length() + 1);
		if (!model.policy().tracksCollection(field)) {
			return;
		}
		PersistentCollection<?> collection = event.getCollection();
		SharedSessionContractImplementor session = sessionOf(event);
		if (session == null || session.isStateless()) {
			// a StatelessSession knows no elements before: the owner's entry lists
			// those it holds now, collected at the owner's event (a delete covers them)
			if (hasElements) {
				this.statelessCollections.get().add(new StatelessCollection(owner, field, persister, collection));
			}
			return;
		}
		if (!hasElements && isBeingDeleted(owner, session)) {
			// the owner's DELETE entry covers its collections
			return;
		}
		StoredForm form = model.elementForm(field);
		List<Object> before = hadElements ? elements(storedSnapshot(collection), persister, session, form) : List.of();
		List<Object> after = hasElements ? elements(collection, persister, session, form) : List.of();
		pending(session, model, ownerId, owner).collectionChanged(field, before, after);
	}

	/**
	 * Log the parent of the objects created in this transaction into a one-to-many
	 * collection with a join column, as a field of their CREATE entry: the collection's
	 * owner is known here, and nothing is read for it (Hibernate itself loads a
	 * collection that is not inverse to add to it). An object already stored that moves
	 * into or out of such a collection is not given its parent, as its old parent is not
	 * known without a read.
	 */
	private void parentOfNewElements(AbstractCollectionEvent event, CollectionPersister persister, Object owner) {
		PersistentCollection<?> collection = event.getCollection();
		SharedSessionContractImplementor session = sessionOf(event);
		// Hibernate loads a collection that is not inverse to add to it; one that is not
		// loaded was not added to
		if (session == null || session.isStateless() || !collection.wasInitialized()
				|| !(collection instanceof Collection<?> elements)) {
			return;
		}
		TransactionChanges changes = this.open.get(session);
		if (changes == null) {
			return;
		}
		EntityRef parent = null;
		for (Object element : elements) {
			if (element == null) {
				continue;
			}
			AuditedModel child = this.models.find(session.bestGuessEntityName(element));
			String field = (child != null) ? child.parentField(persister.getRole()) : null;
			Object id = (field != null) ? session.getContextEntityIdentifier(element) : null;
			PendingChange change = (child != null && id != null) ? changes.created(child, id) : null;
			if (change == null || change.after == null) {
				continue;
			}
			parent = (parent != null) ? parent : AuditedModel.reference(null, owner, session, true);
			Map<String, @Nullable Object> values = new LinkedHashMap<>(change.after.values());
			values.put(field, parent);
			change.after = new EntitySnapshot(change.after.model(), change.after.id(), change.after.repr(), values);
		}
	}

	private static @Nullable SharedSessionContractImplementor sessionOf(AbstractCollectionEvent event) {
		SharedSessionContractImplementor session = event.getCollection().getSession();
		if (session != null) {
			return session;
		}
		try {
			return event.getSession();
		}
		catch (NullPointerException ex) {
			// Hibernate builds the collection events of a StatelessSession without one
			return null;
		}
	}

	/**
	 * Add the collections of the given owner that its StatelessSession operation just
	 * wrote to the owner's change, with the elements they hold now.
	 */
	private void addStatelessCollections(PendingChange change, SharedSessionContractImplementor session) {
		List<StatelessCollection> collections = this.statelessCollections.get();
		if (collections.isEmpty()) {
			return;
		}
		for (StatelessCollection written : collections) {
			if (written.owner() == change.entity) {
				change.collectionChanged(written.field(), List.of(), elements(written.collection(), written.persister(),
						session, change.model.elementForm(written.field())));
			}
		}
		// the collection events of one operation come right before the owner's event
		collections.clear();
	}

	private static boolean isBeingDeleted(Object owner, SharedSessionContractImplementor session) {
		EntityEntry entry = session.getPersistenceContextInternal().getEntry(owner);
		return entry == null || entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE;
	}

	private static @Nullable Object storedSnapshot(PersistentCollection<?> collection) {
		if (!collection.wasInitialized()) {
			// a collection replaced without ever being loaded: its old elements must be
			// read
			// once to log what was removed
			collection.forceInitialization();
		}
		return collection.getStoredSnapshot();
	}

	/**
	 * Return the elements of a collection or of its stored snapshot: the elements of a
	 * set, bag or list in their order, the items of an array, and the entries of a map as
	 * {@code key=value} ({@link Map#entry}), so that a changed key is a change.
	 */
	private static List<Object> elements(@Nullable Object collection, CollectionPersister persister,
			SharedSessionContractImplementor session, @Nullable StoredForm form) {
		List<Object> elements = new ArrayList<>();
		if (collection instanceof Map<?, ?> map && isMap(persister)) {
			boolean entityKeys = persister.getIndexType() != null && persister.getIndexType().isEntityType();
			map.forEach((key, value) -> {
				if (key != null && value != null) {
					elements.add(Map.entry(entityKeys ? AuditedModel.reference(null, key, session, true) : key,
							element(value, persister.getElementType(), session, form)));
				}
			});
			return elements;
		}
		Iterable<?> values;
		if (collection instanceof Collection<?> collectionElements) {
			values = collectionElements;
		}
		else if (collection instanceof Map<?, ?> snapshot) {
			// the stored snapshot of a set: element to element
			values = snapshot.values();
		}
		else if (collection instanceof PersistentArrayHolder<?> holder) {
			values = arrayItems(holder.getValue());
		}
		else if (collection != null && collection.getClass().isArray()) {
			values = arrayItems(collection);
		}
		else {
			return List.of();
		}
		for (Object value : values) {
			if (value != null) {
				elements.add(element(value, persister.getElementType(), session, form));
			}
		}
		return elements;
	}

	private static boolean isMap(CollectionPersister persister) {
		return switch (persister.getCollectionSemantics().getCollectionClassification()) {
			case MAP, SORTED_MAP, ORDERED_MAP -> true;
			default -> false;
		};
	}

	private static Object element(Object value, Type type, SharedSessionContractImplementor session,
			@Nullable StoredForm form) {
		Object element = AuditedModel.elementValue(type, value, session);
		Object stored = (form != null) ? form.apply(element) : element;
		return (stored != null) ? stored : element;
	}

	private static List<@Nullable Object> arrayItems(Object array) {
		List<@Nullable Object> items = new ArrayList<>();
		for (int i = 0; i < Array.getLength(array); i++) {
			items.add(Array.get(array, i));
		}
		return items;
	}

	private static Object[] withoutDirtyValues(Object[] state, int @Nullable [] dirty) {
		Object[] old = state.clone();
		if (dirty != null) {
			for (int index : dirty) {
				old[index] = null;
			}
		}
		return old;
	}

	/**
	 * Add an entry logged by hand to the transaction of the given session, to be written
	 * with the others just before it commits.
	 */
	void addManual(SharedSessionContractImplementor session, PendingChange change) {
		this.recorder.get().stamp(change);
		this.open.computeIfAbsent(session, this::begin).append(change);
	}

	private PendingChange pending(SharedSessionContractImplementor session, AuditedModel model, Object id,
			Object entity) {
		// outside a transaction nothing completes: writeIfOutsideTransaction writes them
		TransactionChanges changes = this.open.computeIfAbsent(session,
				(key) -> key.isTransactionInProgress() ? begin(key) : new TransactionChanges(key));
		PendingChange change = changes.pending(model, id, entity);
		this.recorder.get().stamp(change);
		return change;
	}

	/**
	 * Start collecting the changes of the session's current transaction. They are written
	 * by a {@link TransactionObserver} of the session's transaction coordinator, which
	 * unregisters itself when the transaction completes either way: a callback in the
	 * session's before-completion queue would stay queued after a rollback (Hibernate
	 * drains that queue only on commit) and make Hibernate warn
	 * {@code HHH90010101: Closing shared session with unprocessed transaction completion
	 * actions} when the session closes.
	 */
	private TransactionChanges begin(SharedSessionContractImplementor session) {
		TransactionChanges changes = new TransactionChanges(session);
		session.getTransactionCoordinator().addObserver(changes);
		return changes;
	}

	/**
	 * The changes of one transaction of one session, written just before it commits.
	 */
	private final class TransactionChanges implements TransactionObserver {

		private final SharedSessionContractImplementor session;

		// the session's tenant, known without a read; the same for all its changes
		private final @Nullable String tenant;

		private final Map<Key, PendingChange> byObject = new LinkedHashMap<>();

		private final List<PendingChange> inOrder = new ArrayList<>();

		private boolean completed;

		TransactionChanges(SharedSessionContractImplementor session) {
			this.session = session;
			this.tenant = session.getTenantIdentifier();
		}

		PendingChange pending(AuditedModel model, Object id, Object entity) {
			if (!AuditEventListener.this.squash) {
				return append(new PendingChange(model, id, entity));
			}
			return this.byObject.computeIfAbsent(new Key(model.entityName(), id),
					(key) -> append(new PendingChange(model, id, entity)));
		}

		/**
		 * Return the pending creation of the given object, or {@code null}.
		 */
		@Nullable PendingChange created(AuditedModel model, Object id) {
			if (AuditEventListener.this.squash) {
				PendingChange change = this.byObject.get(new Key(model.entityName(), id));
				return (change != null && change.created) ? change : null;
			}
			for (int i = this.inOrder.size() - 1; i >= 0; i--) {
				PendingChange change = this.inOrder.get(i);
				if (change.model == model && change.id.equals(id)) {
					return change.created ? change : null;
				}
			}
			return null;
		}

		/**
		 * Write the pending changes now, on the transaction's connection, and start
		 * collecting anew; the transaction stays open.
		 */
		void writeChunk() {
			List<PendingChange> chunk = new ArrayList<>(this.inOrder);
			this.inOrder.clear();
			this.byObject.clear();
			AuditEventListener.this.recorder.get().record(chunk, this.session);
		}

		PendingChange append(PendingChange change) {
			change.tenant = this.tenant;
			this.inOrder.add(change);
			return change;
		}

		@Override
		public void afterBegin() {
		}

		@Override
		public void beforeCompletion() {
			if (this.session.getTransactionCoordinator()
				.getTransactionDriverControl()
				.getStatus() == TransactionStatus.MARKED_ROLLBACK) {
				// under JTA this runs even when the flush failed: nothing will commit
				return;
			}
			TransactionChanges changes = this;
			while (changes != null && !changes.completed) {
				changes.completed = true;
				AuditEventListener.this.open.remove(this.session, changes);
				AuditEventListener.this.recorder.get().record(changes.inOrder, this.session);
				// a PreLogEvent listener may have changed and flushed audited entities:
				// their changes belong to this transaction too
				changes = AuditEventListener.this.open.get(this.session);
			}
		}

		@Override
		public void afterCompletion(boolean successful, boolean delayed) {
			this.completed = true;
			AuditEventListener.this.open.remove(this.session, this);
			this.session.getTransactionCoordinator().removeObserver(this);
		}

	}

	private record Key(String entityName, Object id) {

	}

	private record StatelessCollection(Object owner, String field, CollectionPersister persister,
			PersistentCollection<?> collection) {

	}

}
