package dev.auditlog.spring.reading;

import dev.auditlog.spring.actuate.AuditlogEndpoint;

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
 * An application that reads its audit log through the actuator endpoint, secured as the
 * README shows: the endpoint needs the ADMIN role, and CSRF protection leaves its DELETE
 * alone (it is called by scripts with HTTP Basic, not by a browser form).
 */
@SpringBootApplication
public class ReadingApplication {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "admin-pw";

	static final String USER = "user";

	static final String USER_PASSWORD = "user-pw";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(AuditlogEndpoint.class))
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.to(AuditlogEndpoint.class)));
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password("{noop}" + ADMIN_PASSWORD).roles("ADMIN").build(),
				User.withUsername(USER).password("{noop}" + USER_PASSWORD).roles("USER").build());
		// only the lookup: as a UserDetailsPasswordService the manager would upgrade the
		// passwords to BCrypt at the first login and make every later request slow
		return users::loadUserByUsername;
	}

}
