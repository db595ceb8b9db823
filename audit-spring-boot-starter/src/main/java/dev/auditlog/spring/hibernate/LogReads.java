package dev.auditlog.spring.hibernate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryPage;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.hibernate.AuditlogEntityManagerFactoryPostProcessor.Registration;
import dev.auditlog.spring.query.LogEntryDatabases;
import dev.auditlog.spring.query.LogEntryRepository;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Answers queries of the log where the entries are: a model is read in the database of
 * the persistence unit that maps it, and a model that is an inheritance root, a
 * {@code @MappedSuperclass} or any entity with audited subclasses stands for the entries
 * of all of them, read as one index range scan per model name, merged newest first.
 * <p>
 * A query that names no model, or a model no persistence unit knows (entries written
 * before it was renamed or removed), reads the application's {@link LogEntryRepository}
 * bean, on its primary data source. A model whose audited subclasses are mapped by
 * several persistence units cannot be read as one page and is refused.
 */
final class LogReads implements LogEntryDatabases {

	/** Newest first: by timestamp, then id, both descending. */
	static final Comparator<LogEntry> NEWEST_FIRST = Comparator.comparing(LogEntry::timestamp)
		.thenComparing(LogEntry::id, Comparator.nullsFirst(Comparator.naturalOrder()))
		.reversed();

	private final AuditlogEntityManagerFactoryPostProcessor registrations;

	private final ObjectProvider<LogEntryRepository> repository;

	private final ObjectProvider<DataSource> primaryDataSource;

	private final Function<DataSource, LogEntryRepository> unitRepository;

	private final Map<DataSource, LogEntryRepository> unitRepositories = new ConcurrentHashMap<>();

	/**
	 * Create the reads.
	 * @param registrations the session factories and their audited models
	 * @param repository the application's repository, reading the primary data source
	 * @param primaryDataSource the primary data source, which that repository reads
	 * @param unitRepository makes a repository reading the data source of another
	 * persistence unit
	 */
	LogReads(AuditlogEntityManagerFactoryPostProcessor registrations, ObjectProvider<LogEntryRepository> repository,
			ObjectProvider<DataSource> primaryDataSource, Function<DataSource, LogEntryRepository> unitRepository) {
		this.registrations = registrations;
		this.repository = repository;
		this.primaryDataSource = primaryDataSource;
		this.unitRepository = unitRepository;
	}

	/**
	 * Return one page of entries.
	 * @param query the query; its model may name a family of models
	 * @return the page, newest first
	 * @throws IllegalArgumentException if the model's audited subclasses are mapped by
	 * several persistence units
	 */
	LogEntryPage query(LogEntryQuery query) {
		String model = query.model();
		if (model == null) {
			return primary().query(query);
		}
		Family family = family(model);
		LogEntryRepository repository = repositoryOf(family.registration());
		if (family.models().size() == 1) {
			String only = family.models().get(0);
			return repository.query(only.equals(model) ? query : query.toBuilder().model(only).build());
		}
		List<LogEntryPage> pages = new ArrayList<>(family.models().size());
		for (String each : family.models()) {
			pages.add(repository.query(query.toBuilder().model(each).build()));
		}
		return merged(pages, query.limit());
	}

	/**
	 * Return one entry of the primary data source's log.
	 */
	Optional<LogEntry> find(long id) {
		return primary().find(id);
	}

	/**
	 * Return entries of the primary data source's log by id.
	 */
	List<LogEntry> findAll(Collection<Long> ids) {
		return primary().findAll(ids);
	}

	/**
	 * Return the model name a query of the given class filters on: the entity name of an
	 * audited entity, or of an entity with audited subclasses, or the class name of a
	 * {@code @MappedSuperclass} with audited subclasses.
	 * @throws IllegalArgumentException if no audited model is the class or a subclass
	 */
	String modelOf(Class<?> type) {
		List<Registration> all = this.registrations.registrations();
		for (Registration registration : all) {
			AuditedModel model = registration.models().findByClass(type);
			if (model != null) {
				return model.entityName();
			}
		}
		boolean hasAuditedSubclass = all.stream()
			.flatMap((registration) -> registration.models().all().stream())
			.anyMatch((model) -> type.isAssignableFrom(model.type()));
		if (hasAuditedSubclass) {
			for (Registration registration : all) {
				EntityPersister persister = persisterOf(registration, type);
				if (persister != null) {
					return persister.getJpaEntityName();
				}
			}
			if (type.isAnnotationPresent(MappedSuperclass.class)) {
				return type.getName();
			}
		}
		throw new IllegalArgumentException(type.getName() + " is not an audited entity"
				+ (hasAuditedSubclass ? ", an entity or a @MappedSuperclass with audited subclasses" : "")
				+ ": annotate it with @Auditable or list it under auditlog.models");
	}

	/**
	 * Return the models a model name stands for and the persistence unit whose database
	 * holds their entries.
	 */
	Family family(String model) {
		List<Registration> all = this.registrations.registrations();
		Class<?> type = null;
		Registration owner = null;
		for (Registration registration : all) {
			AuditedModel audited = registration.models().findByModel(model);
			if (audited != null) {
				type = audited.type();
				owner = registration;
				break;
			}
		}
		if (type == null) {
			for (Registration registration : all) {
				EntityPersister persister = registration.sessionFactory()
					.getMappingMetamodel()
					.streamEntityDescriptors()
					.filter((candidate) -> candidate.getJpaEntityName().equals(model))
					.findFirst()
					.orElse(null);
				if (persister != null) {
					type = persister.getMappedClass();
					owner = registration;
					break;
				}
			}
		}
		if (type == null) {
			type = mappedSuperclassNamed(all, model);
		}
		if (type == null) {
			return new Family(null, List.of(model));
		}
		Map<Registration, TreeSet<String>> byUnit = new LinkedHashMap<>();
		if (owner != null) {
			byUnit.computeIfAbsent(owner, (key) -> new TreeSet<>()).add(model);
		}
		for (Registration registration : all) {
			for (AuditedModel candidate : registration.models().all()) {
				if (type.isAssignableFrom(candidate.type())) {
					byUnit.computeIfAbsent(registration, (key) -> new TreeSet<>()).add(candidate.entityName());
				}
			}
		}
		if (byUnit.size() > 1) {
			StringBuilder units = new StringBuilder();
			byUnit.forEach((registration, models) -> units.append((units.length() > 0) ? "; " : "")
				.append("EntityManagerFactory '")
				.append(registration.beanName())
				.append("': ")
				.append(String.join(", ", models)));
			throw new IllegalArgumentException("Model '" + model + "' stands for audited models of several "
					+ "persistence units, whose entries are in different databases (" + units
					+ "): query the models of each unit on their own");
		}
		if (byUnit.isEmpty()) {
			return new Family(null, List.of(model));
		}
		Map.Entry<Registration, TreeSet<String>> unit = byUnit.entrySet().iterator().next();
		return new Family(unit.getKey(), List.copyOf(unit.getValue()));
	}

	/**
	 * Return the repository reading the database of a persistence unit: the application's
	 * repository for the primary data source or an unknown unit, one of its own for any
	 * other.
	 */
	LogEntryRepository repositoryOf(@Nullable Registration registration) {
		if (registration == null || registration.dataSource() == null
				|| registration.dataSource() == this.primaryDataSource.getIfUnique()) {
			return primary();
		}
		return this.unitRepositories.computeIfAbsent(registration.dataSource(), this.unitRepository);
	}

	/**
	 * Return the repositories of every database that holds entries: the primary data
	 * source's and those of the other persistence units with audited entities.
	 */
	@Override
	public List<LogEntryRepository> repositories() {
		List<LogEntryRepository> all = new ArrayList<>();
		LogEntryRepository primary = this.repository.getIfAvailable();
		if (primary != null) {
			all.add(primary);
		}
		for (Registration registration : this.registrations.registrations()) {
			if (!registration.models().all().isEmpty() && registration.dataSource() != null) {
				LogEntryRepository repository = repositoryOf(registration);
				if (!all.contains(repository)) {
					all.add(repository);
				}
			}
		}
		return all;
	}

	/**
	 * Return the application's repository or, without one (several data sources, none of
	 * them primary), that of the only persistence unit with audited entities.
	 */
	private LogEntryRepository primary() {
		LogEntryRepository repository = this.repository.getIfAvailable();
		if (repository != null) {
			return repository;
		}
		List<Registration> audited = this.registrations.registrations()
			.stream()
			.filter((registration) -> !registration.models().all().isEmpty() && registration.dataSource() != null)
			.toList();
		if (audited.size() == 1) {
			return repositoryOf(audited.get(0));
		}
		throw new IllegalStateException("There is no LogEntryRepository bean (it needs one DataSource, or one marked "
				+ "@Primary) to read entries that name no model or an unknown one; name the model to read the "
				+ "database of the persistence unit that maps it");
	}

	private static @Nullable EntityPersister persisterOf(Registration registration, Class<?> type) {
		return registration.sessionFactory()
			.getMappingMetamodel()
			.streamEntityDescriptors()
			.filter((persister) -> persister.getMappedClass() == type)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable Class<?> mappedSuperclassNamed(List<Registration> all, String name) {
		for (Registration registration : all) {
			for (AuditedModel model : registration.models().all()) {
				for (Class<?> type = model.type().getSuperclass(); type != null
						&& type != Object.class; type = type.getSuperclass()) {
					if (type.isAnnotationPresent(MappedSuperclass.class)
							&& (type.getName().equals(name) || type.getSimpleName().equals(name))) {
						return type;
					}
				}
			}
		}
		return null;
	}

	/**
	 * Merge pages of one query over several models into one page: the first {@code limit}
	 * entries newest first, and a cursor when any page had more.
	 */
	static LogEntryPage merged(List<LogEntryPage> pages, int limit) {
		List<LogEntry> entries = new ArrayList<>();
		boolean more = false;
		for (LogEntryPage page : pages) {
			entries.addAll(page.entries());
			more |= page.next() != null;
		}
		entries.sort(NEWEST_FIRST);
		if (entries.size() > limit) {
			more = true;
			entries = entries.subList(0, limit);
		}
		return new LogEntryPage(entries, (more && !entries.isEmpty()) ? entries.get(entries.size() - 1).id() : null);
	}

	/**
	 * The stored model names one queried name stands for, in sorted order, and the
	 * persistence unit that holds their entries ({@code null}: the primary data source).
	 */
	record Family(@Nullable Registration registration, List<String> models) {

	}

}
