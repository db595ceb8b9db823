package dev.auditlog.spring.fitting;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.spring.AdditionalDataProvider;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application that writes memos for any request, open to everyone but checking HTTP
 * Basic credentials when a request carries them, and that adds whatever additional data a
 * test hands it.
 */
@SpringBootApplication
public class FittingApplication {

	/** Additional data for the entries of the current thread, set by a test. */
	static final ThreadLocal<@Nullable Map<String, @Nullable Object>> extraData = new ThreadLocal<>();

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}alice-pw").build());
	}

	@Bean
	AdditionalDataProvider testAdditionalData() {
		return (entity, action) -> {
			Map<String, @Nullable Object> data = extraData.get();
			return (data != null) ? new LinkedHashMap<>(data) : null;
		};
	}

	@RestController
	static class MemoController {

		private final EntityManager entityManager;

		MemoController(EntityManager entityManager) {
			this.entityManager = entityManager;
		}

		@PostMapping("/memos")
		@Transactional
		String create(@RequestParam String code) {
			this.entityManager.persist(new Memo(code, "via request"));
			return code;
		}

		@GetMapping("/fail")
		String fail() {
			throw new IllegalStateException("failed on purpose");
		}

	}

}
