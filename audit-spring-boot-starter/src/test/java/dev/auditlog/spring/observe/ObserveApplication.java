package dev.auditlog.spring.observe;

import dev.auditlog.event.PreLogEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.test.simple.SimpleTracer;
import jakarta.persistence.EntityManager;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with a meter registry and an observation registry that a test reads, and
 * a listener that vetoes the entries of parcels whose code starts with {@code VETO}; a
 * Micrometer Tracing tracer, and an endpoint open to everyone that creates a parcel.
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

	@Bean
	SimpleTracer tracer() {
		return new SimpleTracer();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@RestController
	static class ParcelController {

		private final EntityManager entityManager;

		ParcelController(EntityManager entityManager) {
			this.entityManager = entityManager;
		}

		@PostMapping("/parcels")
		@Transactional
		String create(@RequestParam String code) {
			this.entityManager.persist(new Parcel(code, "via request"));
			return code;
		}

	}

	@EventListener
	void vetoSome(PreLogEvent event) {
		if (event.getEntity() instanceof Parcel parcel && parcel.getCode().startsWith("VETO")) {
			event.veto();
		}
	}

}
