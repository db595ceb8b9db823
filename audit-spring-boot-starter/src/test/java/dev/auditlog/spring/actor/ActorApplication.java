package dev.auditlog.spring.actor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.auditlog.AuditLog;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application whose requests hand their work over to other threads: {@code @Async}
 * methods and {@code CompletableFuture}s on Spring Boot's executor, Micrometer context
 * propagation, and Spring Boot's task scheduler. Users sign in with HTTP Basic, a form or
 * a bearer token.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
@EnableJpaAuditing
public class ActorApplication {

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

	@Service
	static class TicketService {

		private final TicketRepository tickets;

		private final TransactionTemplate transaction;

		private final AuditLog auditLog;

		TicketService(TicketRepository tickets, TransactionTemplate transaction, AuditLog auditLog) {
			this.tickets = tickets;
			this.transaction = transaction;
			this.auditLog = auditLog;
		}

		long open(String title) {
			return this.transaction.execute((status) -> this.tickets.save(new Ticket(title)).getId());
		}

		String rename(long id, String title) {
			this.transaction.executeWithoutResult((status) -> this.tickets.findById(id).orElseThrow().setTitle(title));
			return Thread.currentThread().toString();
		}

		@Async
		CompletableFuture<Long> openAsync(String title) {
			return CompletableFuture.completedFuture(open(title));
		}

		@Async
		CompletableFuture<String> renameAsync(long id, String title) {
			return CompletableFuture.completedFuture(rename(id, title));
		}

		@Async
		CompletableFuture<Void> exportAsync() {
			this.auditLog.logExport("tickets", "csv", 1, 10, Map.of());
			return CompletableFuture.completedFuture(null);
		}

	}

	@RestController
	static class TicketController {

		private final TicketService service;

		private final AsyncTaskExecutor executor;

		TicketController(TicketService service, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
			this.service = service;
			this.executor = executor;
		}

		@PostMapping("/tickets/async")
		long openAsync(@RequestParam String title) throws Exception {
			return this.service.openAsync(title).get(10, TimeUnit.SECONDS);
		}

		@PutMapping("/tickets/{id}/async")
		String renameAsync(@PathVariable long id, @RequestParam String title) throws Exception {
			return this.service.renameAsync(id, title).get(10, TimeUnit.SECONDS);
		}

		@PostMapping("/tickets/future")
		long openInFuture(@RequestParam String title) throws Exception {
			return CompletableFuture.supplyAsync(() -> this.service.open(title), this.executor)
				.get(10, TimeUnit.SECONDS);
		}

		@PutMapping("/tickets/{id}/future")
		String renameInFuture(@PathVariable long id, @RequestParam String title) throws Exception {
			return CompletableFuture.supplyAsync(() -> this.service.rename(id, title), this.executor)
				.get(10, TimeUnit.SECONDS);
		}

		@PutMapping("/tickets/{id}/propagated")
		String renamePropagated(@PathVariable long id, @RequestParam String title) throws Exception {
			Runnable rename = () -> this.service.rename(id, title);
			Runnable task = ContextSnapshotFactory.builder().build().captureAll().wrap(rename);
			Thread thread = new Thread(task);
			thread.start();
			thread.join(10_000);
			return "done";
		}

		@PostMapping("/tickets/export")
		String exportAsync() throws Exception {
			this.service.exportAsync().get(10, TimeUnit.SECONDS);
			return "done";
		}

	}

}
