package dev.auditlog.spring.hibernate;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Says whether anything listens for an event type, so that the recorder builds and
 * publishes its per-entry events only when somebody listens: the multicaster's lookup
 * costs every entry otherwise. Asks the application context (and its parents, which
 * receive its events too) for its listeners, {@code @EventListener} methods included, and
 * for the types of its {@link ApplicationListener} beans not created yet; the answer is
 * kept until the number of listeners changes. With a publisher that is no
 * {@link AbstractApplicationContext}, every event is published.
 */
final class LogEventListeners {

	private final ApplicationEventPublisher publisher;

	private final ResolvableType payload;

	private volatile int seen = -1;

	private volatile boolean listening = true;

	LogEventListeners(ApplicationEventPublisher publisher, Class<?> eventType) {
		this.publisher = publisher;
		this.payload = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, eventType);
	}

	/**
	 * Return whether an event of this type would reach a listener.
	 */
	boolean any() {
		if (!(this.publisher instanceof AbstractApplicationContext context)) {
			return true;
		}
		int count = count(context);
		if (count != this.seen) {
			this.listening = listens(context);
			this.seen = count;
		}
		return this.listening;
	}

	private static int count(@Nullable ApplicationContext context) {
		int count = 0;
		for (ApplicationContext current = context; current != null; current = current.getParent()) {
			if (current instanceof AbstractApplicationContext abstractContext) {
				count += abstractContext.getApplicationListeners().size();
			}
		}
		return count;
	}

	private boolean listens(ApplicationContext context) {
		for (ApplicationContext current = context; current != null; current = current.getParent()) {
			if (!(current instanceof AbstractApplicationContext abstractContext)) {
				return true;
			}
			if (anySupports(abstractContext.getApplicationListeners())) {
				return true;
			}
			if (!abstractContext.isActive()) {
				// bean listeners are only known once the context is refreshed
				return true;
			}
			ConfigurableListableBeanFactory beans = abstractContext.getBeanFactory();
			for (String name : beans.getBeanNamesForType(ApplicationListener.class, true, false)) {
				if (!beans.containsSingleton(name)
						|| !abstractContext.getApplicationListeners().contains(beans.getSingleton(name))) {
					Class<?> type = beans.getType(name, false);
					if (type == null || supports(type)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private boolean anySupports(Collection<ApplicationListener<?>> listeners) {
		for (ApplicationListener<?> listener : listeners) {
			GenericApplicationListener generic = (listener instanceof GenericApplicationListener known) ? known
					: new GenericApplicationListenerAdapter(listener);
			if (generic.supportsEventType(this.payload)) {
				return true;
			}
		}
		return false;
	}

	private boolean supports(Class<?> listenerType) {
		if (GenericApplicationListener.class.isAssignableFrom(listenerType)
				|| org.springframework.context.event.SmartApplicationListener.class.isAssignableFrom(listenerType)) {
			return true;
		}
		ResolvableType declared = ResolvableType.forClass(listenerType).as(ApplicationListener.class).getGeneric();
		return declared == ResolvableType.NONE || declared.isAssignableFrom(this.payload);
	}

}
