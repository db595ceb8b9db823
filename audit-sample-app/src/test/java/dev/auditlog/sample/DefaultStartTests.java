package dev.auditlog.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	@Test
	void servesTheAuditLogPageWhoseDataOnlyTheAdminMayRead() {
		RestClient admin = client("admin", SecurityConfiguration.ADMIN_PASSWORD);
		ResponseEntity<String> html = admin.get().uri("/auditlog").retrieve().toEntity(String.class);
		assertThat(html.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
		assertThat(html.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(html.getBody()).contains("<meta name=\"auditlog-endpoint\" content=\"/actuator/auditlog\">")
			.contains("/auditlog/assets/app.js");
		assertThat(status(admin, "/auditlog/assets/app.js")).isEqualTo(200);
		RestClient alice = client("alice", SecurityConfiguration.ALICE_PASSWORD);
		assertThat(status(alice, "/auditlog")).isEqualTo(200);
		assertThat(status(alice, "/actuator/auditlog")).isEqualTo(403);
	}

	private RestClient client(String user, String password) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth(user, password))
			.build();
	}

	private int status(RestClient client, String path) {
		return client.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
	}

}
