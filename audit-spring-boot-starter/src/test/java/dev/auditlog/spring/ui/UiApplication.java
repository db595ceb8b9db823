package dev.auditlog.spring.ui;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application whose people read the audit log in the browser: {@code admin} may read
 * the endpoint, {@code alice} may not; both sign in with a form. The page itself holds no
 * data, so only the endpoints need the role.
 */
@SpringBootApplication
public class UiApplication {

	static final String ADMIN = "admin";

	static final String ALICE = "alice";

	static final String PASSWORD = "password";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("auditlog", "auditevents"))
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated()).formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("ADMIN").build(),
				User.withUsername(ALICE).password("{noop}" + PASSWORD).roles("USER").build());
		return users::loadUserByUsername;
	}

}
