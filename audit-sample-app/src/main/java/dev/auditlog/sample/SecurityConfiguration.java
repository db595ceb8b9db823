package dev.auditlog.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two users: {@code alice} edits the inventory, {@code admin} also reads the audit log.
 * HTTP Basic for API clients, form login for browsers. The audit log's page at
 * {@code /auditlog} holds no data of its own: it reads {@code /actuator/auditlog}, which
 * only {@code admin} may, so {@code admin} sees the log there and {@code alice} is told
 * that she may not read it. The JSON API and the actuator are exempt from CSRF
 * protection: they take no cookies-only browser posts (a browser session calling the
 * DELETE of {@code /actuator/auditlog} must be exempted the same way).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ALICE_PASSWORD = "alice-password";

	static final String ADMIN_PASSWORD = "admin-password";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		// the error page is public, as Spring Boot advises: a request the server refuses
		// (a malformed escape) is then answered with its own status, not with 401
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health", "/error")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated())
			.httpBasic(Customizer.withDefaults())
			.formLogin(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"));
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}" + ALICE_PASSWORD).roles("USER").build(),
				User.withUsername("admin").password("{noop}" + ADMIN_PASSWORD).roles("USER", "ADMIN").build());
		// not a UserDetailsPasswordService: {noop} passwords stay as they are instead of
		// being
		// re-hashed with BCrypt at the first login, which would slow every later request
		return users::loadUserByUsername;
	}

}
