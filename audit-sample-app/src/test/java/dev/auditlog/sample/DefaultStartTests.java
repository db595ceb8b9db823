package dev.auditlog.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as the README starts it: embedded H2, demo data, the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultStartTests {

	@LocalServerPort
	int port;

	@Test
	void startsOnEmbeddedH2WithTheDemoDataLogged() {
		RestClient admin = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", SecurityConfiguration.ADMIN_PASSWORD))
			.build();
		Map<String, Object> health = admin.get()
			.uri("/actuator/health")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		assertThat(health).containsEntry("status", "UP");
		Map<String, Object> page = admin.get()
			.uri("/actuator/auditlog?model=Product&size=2")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		assertThat(page.get("entries")).asList().hasSize(2);
		assertThat(page.get("next")).isNotNull();
	}

}
