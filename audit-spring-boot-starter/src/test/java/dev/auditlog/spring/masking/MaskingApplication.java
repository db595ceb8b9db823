package dev.auditlog.spring.masking;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The application under test of the masking scenarios: payments whose card details,
 * former cards and JSON attributes hold values that must never be logged in clear.
 */
@SpringBootApplication
public class MaskingApplication {

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	/**
	 * The audit events published, to check what listeners are shown.
	 */
	static final class RecordedEvents {

		final List<PreLogEvent> before = new CopyOnWriteArrayList<>();

		final List<PostLogEvent> after = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PreLogEvent event) {
			this.before.add(event);
		}

		@EventListener
		void on(PostLogEvent event) {
			this.after.add(event);
		}

		void clear() {
			this.before.clear();
			this.after.clear();
		}

	}

}
