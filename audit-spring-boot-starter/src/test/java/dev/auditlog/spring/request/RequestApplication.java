package dev.auditlog.spring.request;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.auditlog.annotation.AuditAccess;
import jakarta.persistence.EntityManager;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application with Spring Security (HTTP Basic, form login and bearer tokens), an
 * {@code @Async} service and Spring Data auditing, to test who and where.
 */
@SpringBootApplication
@EnableAsync
@EnableJpaAuditing
public class RequestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated())
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
		// not a UserDetailsPasswordService: {noop} passwords stay as they are instead of
		// being
		// re-hashed with BCrypt at the first login, which would slow every later request
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

	@Service
	static class AccountService {

		private final AccountRepository accounts;

		private final TransactionTemplate transaction;

		AccountService(AccountRepository accounts, TransactionTemplate transaction) {
			this.accounts = accounts;
			this.transaction = transaction;
		}

		Account rename(long id, String name) {
			return this.transaction.execute((status) -> {
				Account account = this.accounts.findById(id).orElseThrow();
				account.setName(name);
				return account;
			});
		}

		@Async
		CompletableFuture<String> renameAsync(long id, String name) {
			rename(id, name);
			return CompletableFuture.completedFuture(Thread.currentThread().toString());
		}

	}

	@RestController
	static class AccountController {

		private final AccountService service;

		private final AccountRepository accounts;

		private final EntityManager entityManager;

		AccountController(AccountService service, AccountRepository accounts, EntityManager entityManager) {
			this.service = service;
			this.accounts = accounts;
			this.entityManager = entityManager;
		}

		@PutMapping({ "/accounts/{id}", "/public/accounts/{id}" })
		String rename(@PathVariable long id, @RequestParam String name) {
			return this.service.rename(id, name).getName();
		}

		@PutMapping("/public/accounts/{id}/login-then-rename")
		String loginThenRename(@PathVariable long id, @RequestParam String name) {
			this.service.rename(id, name + "-before-login");
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("erin", null, List.of()));
			return this.service.rename(id, name).getName();
		}

		@GetMapping("/public/fail")
		String fail() {
			throw new IllegalStateException("the request fails");
		}

		@GetMapping("/accounts/{id}")
		@AuditAccess
		Account read(@PathVariable long id) {
			return this.accounts.findById(id).orElseThrow();
		}

		@GetMapping("/accounts")
		@AuditAccess
		List<Account> list() {
			return this.accounts.findAll();
		}

		@GetMapping("/secrets/{id}")
		@AuditAccess
		Secret secret(@PathVariable long id) {
			return this.entityManager.find(Secret.class, id);
		}

	}

}
