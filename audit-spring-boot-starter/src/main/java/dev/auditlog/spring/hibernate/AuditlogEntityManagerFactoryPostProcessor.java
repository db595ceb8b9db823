package dev.auditlog.spring.hibernate;

import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

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
import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.AdditionalDataProvider;
import dev.auditlog.spring.AuditlogProperties;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.util.function.SingletonSupplier;

/**
 * Registers the audit listeners on each Hibernate session factory right after its
 * {@link EntityManagerFactory} bean is initialized, before any other bean can use it. The
 * collaborators are looked up lazily, at the first change, because a bean post processor
 * is created before the beans it could depend on.
 */
final class AuditlogEntityManagerFactoryPostProcessor implements BeanPostProcessor, ApplicationEventPublisherAware {

	private static final Logger logger = LoggerFactory.getLogger(AuditlogEntityManagerFactoryPostProcessor.class);

	private final BeanFactory beanFactory;

	private final Set<SessionFactoryImplementor> registered = Collections.newSetFromMap(new IdentityHashMap<>());

	private @Nullable ApplicationEventPublisher events;

	AuditlogEntityManagerFactoryPostProcessor(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		EntityManagerFactory entityManagerFactory = null;
		if (bean instanceof EntityManagerFactoryInfo info) {
			entityManagerFactory = info.getNativeEntityManagerFactory();
		}
		else if (bean instanceof EntityManagerFactory factory) {
			entityManagerFactory = factory;
		}
		if (entityManagerFactory != null) {
			register(entityManagerFactory, beanName);
		}
		return bean;
	}

	private void register(EntityManagerFactory entityManagerFactory, String beanName) {
		SessionFactoryImplementor sessionFactory;
		try {
			sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		}
		catch (PersistenceException ex) {
			logger.debug("Not auditing EntityManagerFactory '{}': it is not Hibernate's", beanName);
			return;
		}
		synchronized (this.registered) {
			if (!this.registered.add(sessionFactory)) {
				return;
			}
		}
		AuditlogProperties properties = this.beanFactory.getBean(AuditlogProperties.class);
		AuditedModels models = AuditedModels.build(sessionFactory, properties);
		if (models.all().isEmpty()) {
			logger.info("No audited entities in EntityManagerFactory '{}': annotate one with @Auditable or list it "
					+ "under auditlog.models", beanName);
			return;
		}
		LogEntryWriter.Vendor vendor = LogEntryWriter.Vendor.of(sessionFactory.getJdbcServices().getDialect());
		Supplier<LogEntryRecorder> recorder = SingletonSupplier.of(() -> recorder(properties, vendor));
		AuditEventListener listener = new AuditEventListener(models, recorder, properties.isSquash());
		EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
		registry.appendListeners(EventType.POST_INSERT, listener);
		registry.appendListeners(EventType.POST_UPDATE, listener);
		registry.appendListeners(EventType.POST_DELETE, listener);
		registry.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
		registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, listener);
		registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, listener);
		logger.debug("Auditing {} entities of EntityManagerFactory '{}': {}", models.all().size(), beanName,
				models.all().stream().map(AuditedModel::entityName).toList());
	}

	private LogEntryRecorder recorder(AuditlogProperties properties, LogEntryWriter.Vendor vendor) {
		JsonMapper json = this.beanFactory.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::new);
		return new LogEntryRecorder(this.beanFactory.getBean(ChangeDetector.class),
				this.beanFactory.getBean(ValueFormatter.class), Objects.requireNonNull(this.events),
				this.beanFactory.getBean(ActorResolver.class),
				this.beanFactory.getBeanProvider(AdditionalDataProvider.class).orderedStream().toList(),
				new LogEntryWriter(vendor, json), properties.getOnError(),
				this.beanFactory.getBeanProvider(Clock.class).getIfAvailable(Clock::systemUTC));
	}

}
