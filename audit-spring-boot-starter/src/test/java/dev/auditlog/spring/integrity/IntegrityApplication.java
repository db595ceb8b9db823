package dev.auditlog.spring.integrity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application with one audited entity and the actuator endpoint open to everyone.
 */
@SpringBootApplication
public class IntegrityApplication {

	/** The seals published since a test cleared it. */
	static final List<SealCreatedEvent> seals = new CopyOnWriteArrayList<>();

	@EventListener
	void sealCreated(SealCreatedEvent event) {
		seals.add(event);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
