package dev.auditlog.spring.readable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint exposed with {@code *} in an application without Spring Security.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "spring.autoconfigure.exclude="
		+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
		+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
		+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
		+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
		+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
		+ "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration,"
		+ "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration")
class OpenEndpointPrivacyTests extends EndpointPrivacyScenarios {

	@Test
	void startupWarnsOnceThatTheEndpointIsOpen(CapturedOutput output) {
		String warning = "The auditlog endpoint is exposed over HTTP without Spring Security";
		assertThat(output.getAll().split(warning, -1)).hasSize(2);
	}

}
