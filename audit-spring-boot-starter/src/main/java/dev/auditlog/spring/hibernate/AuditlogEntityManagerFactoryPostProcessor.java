package dev.auditlog.spring.hibernate;

import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.auditlog.diff.ChangeDetector;
import dev.auditlog.diff.ValueFormatter;
import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.AdditionalDataProvider;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.schema.AuditlogSchemaMigration;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Registers the audit listeners on each Hibernate session factory right after its
 * {@link EntityManagerFactory} bean is initialized, before any other bean can use it. The
 * collaborators come as {@link ObjectProvider}s from the {@code static @Bean} method that
 * creates this post processor (as Spring Boot's {@code MeterRegistryPostProcessor} gets
 * its own) and are resolved lazily, at the first change, because a bean post processor is
 * created before the beans it could depend on.
 */
final class AuditlogEntityManagerFactoryPostProcessor implements BeanPostProcessor, ApplicationEventPublisherAware {

	private static final Logger logger = LoggerFactory.getLogger(AuditlogEntityManagerFactoryPostProcessor.class);

	private final BeanFactory beanFactory;

	private final Collaborators collaborators;

	// in build order; session factories compare by identity
	private final Map<SessionFactoryImplementor, Registration> registrations = new LinkedHashMap<>();

	private final Set<DataSource> migrated = Collections.newSetFromMap(new IdentityHashMap<>());

	private @Nullable ApplicationEventPublisher events;

	AuditlogEntityManagerFactoryPostProcessor(BeanFactory beanFactory) {
		this(beanFactory, Collaborators.of(beanFactory));
	}

	AuditlogEntityManagerFactoryPostProcessor(BeanFactory beanFactory, Collaborators collaborators) {
		this.beanFactory = beanFactory;
		this.collaborators = collaborators;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factoryBean) {
			EntityManagerFactory proxy = factoryBean.getObject();
			if (proxy != null) {
				register(factoryBean.getNativeEntityManagerFactory(), proxy, factoryBean.getDataSource(), beanName);
			}
		}
		else if (bean instanceof EntityManagerFactory factory && !(bean instanceof EntityManagerFactoryInfo)) {
			register(factory, factory, null, beanName);
		}
		return bean;
	}

	/**
	 * Return the audit registration of the session factory that maps the given class.
	 */
	@Nullable Registration registrationOf(Class<?> entityClass) {
		synchronized (this.registrations) {
			for (Registration registration : this.registrations.values()) {
				if (registration.models.findByClass(entityClass) != null) {
					return registration;
				}
			}
		}
		return null;
	}

	/**
	 * Return the registrations made so far, in the order the session factories were
	 * built.
	 */
	List<Registration> registrations() {
		synchronized (this.registrations) {
			return List.copyOf(this.registrations.values());
		}
	}

	/**
	 * Return the audited model of the given name, in any session factory.
	 */
	@Nullable AuditedModel modelNamed(String model) {
		synchronized (this.registrations) {
			for (Registration registration : this.registrations.values()) {
				AuditedModel found = registration.models.findByModel(model);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private void register(EntityManagerFactory entityManagerFactory, EntityManagerFactory transactionKey,
			@Nullable DataSource dataSource, String beanName) {
		SessionFactoryImplementor sessionFactory;
		try {
			sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		}
		catch (PersistenceException ex) {
			logger.debug("Not auditing EntityManagerFactory '{}': it is not Hibernate's", beanName);
			return;
		}
		synchronized (this.registrations) {
			if (this.registrations.containsKey(sessionFactory)) {
				return;
			}
			AuditlogProperties properties = this.collaborators.properties().getObject();
			AuditedModels models = AuditedModels.build(sessionFactory, properties);
			if (models.all().isEmpty()) {
				logger.info("No audited entities in EntityManagerFactory '{}': annotate one with @Auditable or list "
						+ "it under auditlog.models", beanName);
			}
			if (!models.all().isEmpty()) {
				prepareDatabase(beanName, models, sessionFactory, dataSource, properties);
			}
			// detected when the first change is recorded, so once for the unit: a unit
			// without audited entities may be on any database
			Supplier<LogEntryRecorder> recorder = SingletonSupplier
				.of(() -> recorder(properties, UnitDatabases.databaseOf(beanName, sessionFactory, dataSource)));
			AuditEventListener listener = new AuditEventListener(models, recorder, properties.isSquash(),
					properties.getWriteChunkSize());
			this.registrations.put(sessionFactory,
					new Registration(beanName, sessionFactory, models, listener, recorder, transactionKey, dataSource));
			if (models.all().isEmpty()) {
				return;
			}
			EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
			registry.appendListeners(EventType.POST_INSERT, listener);
			registry.appendListeners(EventType.POST_UPDATE, listener);
			registry.appendListeners(EventType.POST_DELETE, listener);
			registry.appendListeners(EventType.POST_UPSERT, listener);
			registry.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
			registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, listener);
			registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, listener);
			registry.appendListeners(EventType.FLUSH, listener);
			logger.debug("Auditing {} entities of EntityManagerFactory '{}': {}", models.all().size(), beanName,
					models.all().stream().map(AuditedModel::entityName).toList());
		}
	}

	private void prepareDatabase(String beanName, AuditedModels models, SessionFactoryImplementor sessionFactory,
			@Nullable DataSource dataSource, AuditlogProperties properties) {
		boolean migrate = properties.getSchema().isMigrate();
		if (migrate) {
			// the primary data source's tables are migrated before its
			// EntityManagerFactory
			this.beanFactory.getBeanProvider(AuditlogSchemaMigration.class)
				.forEach((migration) -> this.migrated.add(migration.getDataSource()));
		}
		UnitDatabases.prepare(beanName, models, sessionFactory, dataSource, this.migrated, migrate,
				List.copyOf(this.registrations.values()));
	}

	private LogEntryRecorder recorder(AuditlogProperties properties, AuditDatabase database) {
		Collaborators with = this.collaborators;
		JsonMapper application = with.json().getIfAvailable();
		return new LogEntryRecorder(with.detector().getObject(), with.formatter().getObject(),
				Objects.requireNonNull(this.events), with.actors().getObject(),
				with.additionalData().orderedStream().toList(), with.writer().getObject(), database,
				properties.getOnError(), with.clock().getIfAvailable(Clock::systemUTC),
				new StorableValues((application != null) ? application.registeredModules() : List.of(),
						properties.getMaxValueLength()),
				metrics(database));
	}

	/**
	 * Return what reports the writes to Micrometer, if its observation API is on the
	 * class path: nothing else of Micrometer is loaded without it.
	 */
	RecordingMetrics metrics(AuditDatabase database) {
		ClassLoader classLoader = (this.beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : getClass().getClassLoader();
		if (!ClassUtils.isPresent("io.micrometer.observation.ObservationRegistry", classLoader)) {
			return RecordingMetrics.NONE;
		}
		return MicrometerRecordingMetrics.of(this.beanFactory, database, classLoader);
	}

	/**
	 * The beans the recorder works with, resolved at the first change.
	 *
	 * @param properties the audit log's properties
	 * @param detector diffs the states
	 * @param formatter formats keys and values
	 * @param actors resolves who made a change
	 * @param additionalData what adds data to each entry
	 * @param writer writes the entries
	 * @param clock when an entry was made
	 * @param json the application's mapper, whose modules turn its objects in additional
	 * data into JSON (the stored JSON itself is written by the audit log's own mapper)
	 */
	record Collaborators(ObjectProvider<AuditlogProperties> properties, ObjectProvider<ChangeDetector> detector,
			ObjectProvider<ValueFormatter> formatter, ObjectProvider<ActorResolution> actors,
			ObjectProvider<AdditionalDataProvider> additionalData, ObjectProvider<AuditEntryWriter> writer,
			ObjectProvider<Clock> clock, ObjectProvider<JsonMapper> json) {

		static Collaborators of(BeanFactory beanFactory) {
			return new Collaborators(beanFactory.getBeanProvider(AuditlogProperties.class),
					beanFactory.getBeanProvider(ChangeDetector.class),
					beanFactory.getBeanProvider(ValueFormatter.class),
					beanFactory.getBeanProvider(ActorResolution.class),
					beanFactory.getBeanProvider(AdditionalDataProvider.class),
					beanFactory.getBeanProvider(AuditEntryWriter.class), beanFactory.getBeanProvider(Clock.class),
					beanFactory.getBeanProvider(JsonMapper.class));
		}

	}

	/**
	 * What the audit log attached to one session factory.
	 */
	record Registration(String beanName, SessionFactoryImplementor sessionFactory, AuditedModels models,
			AuditEventListener listener, Supplier<LogEntryRecorder> recorder, EntityManagerFactory transactionKey,
			@Nullable DataSource dataSource) {

	}

}
