package dev.auditlog.spring.hibernate;

import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-entry events are built only when something listens for them: an
 * {@code @EventListener} method, an {@link ApplicationListener} bean of their payload
 * type, a catch-all listener, a listener added later, or one of a parent context.
 */
class LogEventListenersTests {

	@Test
	void withoutListenersNothingIsPublished() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Unrelated.class)) {
			assertThat(new LogEventListeners(context, PreLogEvent.class).any()).isFalse();
			assertThat(new LogEventListeners(context, PostLogEvent.class).any()).isFalse();
		}
	}

	@Test
	void anEventListenerMethodListens() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				PreLogListener.class)) {
			assertThat(new LogEventListeners(context, PreLogEvent.class).any()).isTrue();
			assertThat(new LogEventListeners(context, PostLogEvent.class).any()).isFalse();
		}
	}

	@Test
	void aCatchAllListenerListens() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(CatchAll.class)) {
			assertThat(new LogEventListeners(context, PostLogEvent.class).any()).isTrue();
		}
	}

	@Test
	void aListenerAddedLaterIsSeen() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Unrelated.class)) {
			LogEventListeners listeners = new LogEventListeners(context, PostLogEvent.class);
			assertThat(listeners.any()).isFalse();
			context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<PostLogEvent>>) (event) -> {
			});
			assertThat(listeners.any()).isTrue();
		}
	}

	@Test
	void aListenerOfAParentContextListens() {
		try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(PreLogListener.class);
				AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext()) {
			child.setParent(parent);
			child.register(Unrelated.class);
			child.refresh();
			assertThat(new LogEventListeners(child, PreLogEvent.class).any()).isTrue();
		}
	}

	static class Unrelated {

		@EventListener
		void on(String text) {
		}

	}

	static class PreLogListener {

		@EventListener
		void on(PreLogEvent event) {
		}

	}

	static class CatchAll {

		@EventListener
		void on(Object event) {
		}

	}

}
