package dev.auditlog.spring.signin;

import java.time.Instant;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application whose users sign in with a form, or authenticate each request with
 * HTTP Basic or a bearer token.
 */
@SpringBootApplication
public class SignInApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.formLogin(Customizer.withDefaults())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-pw").roles("USER").build(),
				User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
		return users::loadUserByUsername;
	}

	@Bean
	JwtDecoder jwtDecoder() {
		return (token) -> {
			if (!"token-carol".equals(token)) {
				throw new BadJwtException("unknown token");
			}
			Instant now = Instant.now();
			return Jwt.withTokenValue(token)
				.header("alg", "none")
				.subject("carol")
				.issuedAt(now)
				.expiresAt(now.plusSeconds(3600))
				.build();
		};
	}

	@RestController
	static class GreetingController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
