package dev.auditlog.spring.observe;

import dev.auditlog.event.PreLogEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * An application with a meter registry and an observation registry that a test reads, and
 * a listener that vetoes the entries of parcels whose code starts with {@code VETO}.
 */
@SpringBootApplication
public class ObserveApplication {

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	TestObservationRegistry observationRegistry() {
		return TestObservationRegistry.create();
	}

	@EventListener
	void vetoSome(PreLogEvent event) {
		if (event.getEntity() instanceof Parcel parcel && parcel.getCode().startsWith("VETO")) {
			event.veto();
		}
	}

}
