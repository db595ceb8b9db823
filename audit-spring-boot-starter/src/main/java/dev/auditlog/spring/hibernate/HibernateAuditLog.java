package dev.auditlog.spring.hibernate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.IntegrityReport;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.core.ObjectDiff;
import dev.auditlog.core.ObjectHistory;
import dev.auditlog.core.ObjectState;
import dev.auditlog.core.RevertRefusedException;
import dev.auditlog.core.StoredText;
import dev.auditlog.core.MaskedFieldSearchException;
import dev.auditlog.core.ValueChange;
import dev.auditlog.diff.EntityRef;
import dev.auditlog.diff.FieldPolicy;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.events.AuditEventStore;
import dev.auditlog.spring.hibernate.AuditlogEntityManagerFactoryPostProcessor.Registration;
import dev.auditlog.spring.integrity.IntegrityVerifier;
import dev.auditlog.spring.integrity.RetentionCheckpoint;
import dev.auditlog.spring.query.LogEntryRepository;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link AuditLog} of a Spring Boot application on Hibernate: reads through the
 * {@link LogEntryRepository} and shows each model's labels; writes entries logged by hand
 * into the batch of the current transaction, or at once without one.
 */
final class HibernateAuditLog implements AuditLog {

	static final String DATA_EXPORT = "DATA_EXPORT";

	private final AuditlogEntityManagerFactoryPostProcessor registrations;

	private final ObjectProvider<LogEntryRepository> repository;

	private final ValueFormatter formatter;

	private final ObjectProvider<AuditEventStore> events;

	private final ActorResolution actorResolution;

	private final ObjectProvider<IntegrityVerifier> verifier;

	private final ObjectProvider<RetentionCheckpoint> checkpoint;

	private final LogReads reads;

	private @Nullable EntityReverter reverter;

	private @Nullable TenantReadRestriction tenantRestriction;

	HibernateAuditLog(AuditlogEntityManagerFactoryPostProcessor registrations,
			ObjectProvider<LogEntryRepository> repository, ValueFormatter formatter,
			ObjectProvider<AuditEventStore> events, ActorResolution actorResolution,
			ObjectProvider<IntegrityVerifier> verifier, ObjectProvider<RetentionCheckpoint> checkpoint,
			LogReads reads) {
		this.registrations = registrations;
		this.repository = repository;
		this.reads = reads;
		this.formatter = formatter;
		this.events = events;
		this.actorResolution = actorResolution;
		this.verifier = verifier;
		this.checkpoint = checkpoint;
	}

	/**
	 * Restrict every read to the entries of the reader's tenant.
	 */
	void restrictTenantReadsWith(TenantReadRestriction restriction) {
		this.tenantRestriction = restriction;
	}

	/**
	 * Let this audit log revert and restore changes with the given reverter.
	 */
	void revertWith(EntityReverter reverter) {
		this.reverter = reverter;
	}

	@Override
	public ObjectState stateAt(Class<?> model, Object key, Instant at) {
		Target target = audited(model);
		return history(target.model(), this.formatter.formatKey(LogEntryRecorder.keyOf(key))).stateAt(at);
	}

	@Override
	public ObjectState stateAt(String model, String objectPk, Instant at) {
		return history(named(model), objectPk).stateAt(at);
	}

	@Override
	public ObjectDiff diff(Class<?> model, Object key, Instant from, Instant to) {
		Target target = audited(model);
		return history(target.model(), this.formatter.formatKey(LogEntryRecorder.keyOf(key))).diff(from, to);
	}

	@Override
	public ObjectDiff diff(String model, String objectPk, Instant from, Instant to) {
		return history(named(model), objectPk).diff(from, to);
	}

	@Override
	public void revert(long entryId) {
		EntityReverter reverter = reverter();
		LogEntry entry = find(entryId)
			.orElseThrow(() -> new RevertRefusedException(RevertRefusedException.Reason.NO_SUCH_ENTRY, entryId,
					"No audit log entry has the id " + entryId));
		AuditedModel model = this.registrations.modelNamed(entry.model());
		if (model == null) {
			throw new RevertRefusedException(RevertRefusedException.Reason.NOT_REVERTIBLE, entryId,
					"Entry " + entryId + " is of " + entry.model() + ", which is no audited model of this application");
		}
		Target target = audited(model.type());
		reverter.revert(target.registration(), model, entry, history(model, entry.objectPk()));
	}

	@Override
	public void restore(Class<?> model, Object key, Instant at) {
		EntityReverter reverter = reverter();
		Target target = audited(model);
		reverter.restore(target.registration(), target.model(), key,
				history(target.model(), this.formatter.formatKey(LogEntryRecorder.keyOf(key))), at);
	}

	private EntityReverter reverter() {
		EntityReverter reverter = this.reverter;
		if (reverter == null) {
			throw new UnsupportedOperationException("This audit log was built without a reverter");
		}
		return reverter;
	}

	private AuditedModel named(String model) {
		AuditedModel found = this.registrations.modelNamed(model);
		if (found == null) {
			throw new IllegalArgumentException("'" + model + "' is no audited model");
		}
		return found;
	}

	/**
	 * Read every entry of one object and the knowledge of its model's fields.
	 */
	private ObjectHistory history(AuditedModel model, String objectPk) {
		LogEntryQuery query = LogEntryQuery.builder()
			.model(model.entityName())
			.objectPk(objectPk)
			.limit(LogEntryQuery.MAX_LIMIT)
			.build();
		List<LogEntry> entries = new ArrayList<>();
		while (true) {
			LogEntryPage page = query(query);
			entries.addAll(page.entries());
			if (page.next() == null) {
				break;
			}
			query = query.toBuilder().before(page.next()).build();
		}
		FieldPolicy policy = model.policy();
		Set<String> audited = new LinkedHashSet<>(policy.auditedFields());
		audited.addAll(policy.trackedCollections());
		Set<String> excluded = new LinkedHashSet<>(policy.fields());
		excluded.removeAll(audited);
		String version = model.versionField();
		if (version != null) {
			// Hibernate increments the version for changes no entry names (a collection,
			// a
			// field not audited, a version-only change that writes no entry): the log
			// never
			// knows it for sure
			audited.remove(version);
			excluded.add(version);
		}
		return new ObjectHistory(model.entityName(), StoredText.fit(objectPk, StoredText.COLUMN_LENGTH), entries,
				new ObjectHistory.Fields(audited, excluded, policy::isMasked, policy::tracksCollection));
	}

	@Override
	public IntegrityReport verify(@Nullable Instant from, @Nullable Instant to) {
		IntegrityVerifier verifier = this.verifier.getIfAvailable();
		if (verifier == null) {
			return AuditLog.super.verify(from, to);
		}
		return verifier.verify(from, to);
	}

	@Override
	public List<LogEntry> history(Object entity) {
		LogEntryQuery query = forObjects(List.of(entity)).limit(LogEntryQuery.MAX_LIMIT).build();
		List<LogEntry> entries = new ArrayList<>();
		while (true) {
			LogEntryPage page = query(query);
			entries.addAll(page.entries());
			if (page.next() == null) {
				return entries;
			}
			query = query.toBuilder().before(page.next()).build();
		}
	}

	@Override
	public LogEntryQuery.Builder forModel(Class<?> model) {
		return LogEntryQuery.builder().model(this.reads.modelOf(model));
	}

	@Override
	public LogEntryQuery.Builder forObjects(Collection<?> entities) {
		if (entities.isEmpty()) {
			// no objects, no entries: order.getLines() may well be empty
			return LogEntryQuery.builder().objectPks(List.of());
		}
		Target first = null;
		String model = null;
		List<String> keys = new ArrayList<>(entities.size());
		for (Object entity : entities) {
			Target target = audited(Hibernate.getClass(entity));
			if (first == null) {
				first = target;
				model = target.model().entityName();
			}
			else if (!target.model().entityName().equals(model)) {
				// subclasses of one hierarchy share its keys: the root stands for them
				String root = rootOf(first);
				if (target.registration() != first.registration() || !root.equals(rootOf(target))) {
					throw new IllegalArgumentException(
							"entities must be of one model or of one inheritance " + "hierarchy, but are "
									+ first.model().entityName() + " and " + target.model().entityName());
				}
				model = root;
			}
			keys.add(this.formatter.formatKey(LogEntryRecorder.keyOf(idOf(target.registration(), entity))));
		}
		return LogEntryQuery.builder().model(model).objectPks(keys);
	}

	@Override
	public LogEntryPage query(LogEntryQuery query) {
		if (query.matchesNothing()) {
			return new LogEntryPage(List.of(), null);
		}
		refuseMaskedValueSearch(query);
		LogEntryQuery visible = restricted(query);
		if (visible == null) {
			return new LogEntryPage(List.of(), null);
		}
		LogEntryPage page = this.reads.query(visible);
		return new LogEntryPage(page.entries().stream().map(this::withLabels).toList(), page.next());
	}

	private void refuseMaskedValueSearch(LogEntryQuery query) {
		LogEntryQuery.ChangedField changed = query.changed();
		if (changed == null || !changed.filtersValue() || query.model() == null) {
			return;
		}
		AuditedModel model = this.registrations.modelNamed(query.model());
		if (model != null && model.policy().isMasked(changed.field())) {
			throw new MaskedFieldSearchException(model.entityName(), changed.field());
		}
	}

	/**
	 * Return the query restricted to the reader's tenant, or {@code null} when it names
	 * another tenant (it then matches no entry the reader may read).
	 */
	private @Nullable LogEntryQuery restricted(LogEntryQuery query) {
		String tenant = readableTenant();
		if (tenant == null || tenant.equals(query.tenant())) {
			return query;
		}
		return (query.tenant() == null) ? query.toBuilder().tenant(tenant).build() : null;
	}

	private @Nullable String readableTenant() {
		return TenantReadRestriction.readableTenant(this.tenantRestriction);
	}

	@Override
	public Optional<LogEntry> find(long id) {
		String tenant = readableTenant();
		return this.reads.find(id)
			.filter((entry) -> tenant == null || tenant.equals(entry.tenant()))
			.map(this::withLabels);
	}

	/**
	 * Return the tenant whose entries the current reader may read, as the persistence
	 * unit's {@code CurrentTenantIdentifierResolver} gives it: {@code null} for a root
	 * tenant, which reads every tenant's entries.
	 * @param sessionFactory the persistence unit, with a resolver
	 * @return the tenant identifier as text, or {@code null}
	 * @throws TenantReadRestriction.UnknownTenantException when the resolver gives no
	 * tenant: a reader without a tenant reads nothing rather than every tenant's entries
	 */
	static @Nullable String readableTenant(SessionFactoryImplementor sessionFactory) {
		CurrentTenantIdentifierResolver<Object> resolver = sessionFactory.getCurrentTenantIdentifierResolver();
		Object tenant = (resolver != null) ? resolver.resolveCurrentTenantIdentifier() : null;
		if (tenant == null) {
			throw new TenantReadRestriction.UnknownTenantException("Reads are restricted to the reader's own tenant "
					+ "(auditlog.tenant.restrict-reads) and the current tenant is not known: Hibernate's "
					+ "CurrentTenantIdentifierResolver gave none");
		}
		return currentTenant(sessionFactory, true);
	}

	/**
	 * Return the current tenant of a persistence unit as Hibernate writes it, or
	 * {@code null} without a resolver.
	 */
	private static @Nullable String currentTenant(SessionFactoryImplementor sessionFactory, boolean rootReadsAll) {
		CurrentTenantIdentifierResolver<Object> resolver = sessionFactory.getCurrentTenantIdentifierResolver();
		Object tenant = (resolver != null) ? resolver.resolveCurrentTenantIdentifier() : null;
		if (resolver == null || tenant == null || (rootReadsAll && resolver.isRoot(tenant))) {
			return null;
		}
		return sessionFactory.getTenantIdentifierJavaType().toString(tenant);
	}

	@Override
	public List<LogEntry> findAll(Collection<Long> ids) {
		String tenant = readableTenant();
		return this.reads.findAll(ids)
			.stream()
			.filter((entry) -> tenant == null || tenant.equals(entry.tenant()))
			.map(this::withLabels)
			.toList();
	}

	@Override
	public long flush(Instant before) {
		this.checkpoint.ifAvailable((checkpoint) -> checkpoint.recordDeletion(before));
		long deleted = 0;
		for (LogEntryRepository repository : this.reads.repositories()) {
			deleted += repository.deleteBefore(before);
		}
		return deleted;
	}

	@Override
	public void log(Object entity, Action action, Changes changes,
			@Nullable Map<String, @Nullable Object> additionalData) {
		Target target = audited(Hibernate.getClass(entity));
		PendingChange change = new PendingChange(target.model(), idOf(target.registration(), entity), entity);
		change.manualAction = action;
		change.manualChanges = changes;
		change.manualData = additionalData;
		write(target.registration(), List.of(change));
	}

	@Override
	public void logAccess(Object entity) {
		log(entity, Action.ACCESS, Changes.empty(), null);
	}

	@Override
	public int logBulkUpdate(Class<?> model, Collection<?> ids, Map<String, ValueChange> changes) {
		Target target = audited(model);
		Changes all = Changes.of(changes);
		List<PendingChange> pending = new ArrayList<>(ids.size());
		for (Object id : ids) {
			PendingChange change = new PendingChange(target.model(), id, new EntityRef(id, null));
			change.manualAction = Action.UPDATE;
			change.manualChanges = all;
			change.manualRepr = target.model().entityName() + " #"
					+ this.formatter.formatKey(LogEntryRecorder.keyOf(id));
			pending.add(change);
		}
		write(target.registration(), pending);
		return pending.size();
	}

	@Override
	public void logExport(String type, String format, long recordCount, long bytes, Map<String, ?> filters) {
		AuditEventStore store = this.events.getIfAvailable();
		if (store == null) {
			throw new IllegalStateException("Exports are recorded in auditlog_event: it needs a DataSource and "
					+ "auditlog.events.enabled=true");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("format", format);
		data.put("recordCount", recordCount);
		data.put("bytes", bytes);
		data.put("filters", filters);
		store.record(this.actorResolution.currentActor(), DATA_EXPORT, data);
	}

	private void write(Registration registration, List<PendingChange> changes) {
		EntityManager entityManager = TransactionSynchronizationManager.isActualTransactionActive()
				? EntityManagerFactoryUtils.getTransactionalEntityManager(registration.transactionKey()) : null;
		if (entityManager != null) {
			SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
			changes.forEach((change) -> registration.listener().addManual(session, change));
			return;
		}
		if (registration.dataSource() == null) {
			throw new IllegalStateException(
					"Entries logged by hand need a transaction: no DataSource is known to " + "write them outside one");
		}
		LogEntryRecorder recorder = registration.recorder().get();
		changes.forEach(recorder::stamp);
		String tenant = currentTenant(registration.sessionFactory(), false);
		changes.forEach((change) -> change.tenant = tenant);
		recorder.recordNow(changes, registration.dataSource());
	}

	private Target audited(Class<?> type) {
		Registration registration = this.registrations.registrationOf(type);
		AuditedModel model = (registration != null) ? registration.models().findByClass(type) : null;
		if (registration == null || model == null) {
			throw new IllegalArgumentException(type.getName() + " is not an audited entity: annotate it with "
					+ "@Auditable or list it under auditlog.models");
		}
		return new Target(registration, model);
	}

	/**
	 * Return the entity name of the root of the inheritance hierarchy of a model.
	 */
	private static String rootOf(Target target) {
		return target.registration()
			.sessionFactory()
			.getMappingMetamodel()
			.getEntityDescriptor(target.model().type())
			.getRootEntityDescriptor()
			.getEntityPersister()
			.getJpaEntityName();
	}

	private static Object idOf(Registration registration, Object entity) {
		if (entity instanceof HibernateProxy proxy) {
			return proxy.getHibernateLazyInitializer().getInternalIdentifier();
		}
		Object id = registration.transactionKey().getPersistenceUnitUtil().getIdentifier(entity);
		if (id == null) {
			throw new IllegalArgumentException(entity + " has no identifier yet: persist it first");
		}
		return id;
	}

	private LogEntry withLabels(LogEntry entry) {
		AuditedModel model = this.registrations.modelNamed(entry.model());
		if (model == null) {
			return entry;
		}
		return new LogEntry(entry.id(), entry.timestamp(), entry.action(), entry.model(), entry.objectPk(),
				entry.objectId(), entry.objectRepr(), entry.actor(), entry.remoteAddr(), entry.cid(),
				entry.changes().withDisplayRules(model.policy().displayRules()), entry.additionalData(),
				entry.serializedData(), entry.tenant());
	}

	private record Target(Registration registration, AuditedModel model) {

	}

}
