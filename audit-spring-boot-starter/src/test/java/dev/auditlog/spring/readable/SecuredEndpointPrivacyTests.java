package dev.auditlog.spring.readable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;

import static dev.auditlog.spring.readable.ReadableHttpSupport.get;
import static dev.auditlog.spring.readable.ReadableHttpSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint exposed with {@code *} behind Spring Security that lets anyone reach it:
 * values for the role {@code AUDITOR} only.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "management.endpoint.auditlog.roles=AUDITOR")
@Import(SecuredEndpointPrivacyTests.Security.class)
class SecuredEndpointPrivacyTests extends EndpointPrivacyScenarios {

	@Test
	void anAuditorIsShownTheValues() throws Exception {
		JsonNode page = json(get(this.port, "/actuator/auditlog?model=Visit", "carol"));
		JsonNode update = page.get("entries").get(0);
		assertThat(update.get("action").asString()).isEqualTo("UPDATE");
		assertThat(update.get("actor").asString()).isEqualTo("alice");
		assertThat(update.get("remoteAddr").asString()).isEqualTo("192.0.2.7");
		assertThat(update.get("changes").get("telephone").get(0).asString()).isEqualTo("6085551023");
		assertThat(update.get("changes").get("telephone").get(1).asString()).isEqualTo("6085551749");
		assertThat(update.get("changesText").asString()).isEqualTo("telephone: 6085551023 → 6085551749");
		assertThat(update.get("objectRepr").asString()).isNotEqualTo(MASK);
		JsonNode summary = json(get(this.port, "/actuator/auditlog/summary?actor=alice", "carol"));
		assertThat(summary.get("actors").get("alice").asLong()).isEqualTo(2);
	}

	@Test
	void anAuthenticatedUserWithoutTheRoleSeesNoValues() throws Exception {
		JsonNode page = json(get(this.port, "/actuator/auditlog?model=Visit", "bob"));
		assertThat(page.get("entries")).hasSize(2);
		for (JsonNode entry : page.get("entries")) {
			assertMasked(entry);
		}
	}

	@Test
	void startupDoesNotWarnWithSpringSecurity(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("exposed over HTTP without Spring Security");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Security {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
					User.withUsername("carol").password("{noop}carol-pw").roles("AUDITOR").build(),
					User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
			return users::loadUserByUsername;
		}

	}

}
