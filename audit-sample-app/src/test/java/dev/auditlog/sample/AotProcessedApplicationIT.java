package dev.auditlog.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application as Spring AOT processed it ({@code spring-boot:process-aot} in
 * the build), started with {@code -Dspring.aot.enabled=true} as an AOT-processed or
 * native application starts: its bean definitions come from the generated initializer,
 * not from scanning, and a change through the API still becomes an entry.
 */
class AotProcessedApplicationIT {

	@Test
	void theProcessedApplicationWritesAnEntry() {
		assertThat(AotDetector.useGeneratedArtifacts()).as("started with -Dspring.aot.enabled=true").isTrue();
		SpringApplication application = new SpringApplication(InventoryApplication.class);
		// the generated initializer is named after the main class, which is the test
		// runner's here
		application.setMainApplicationClass(InventoryApplication.class);
		try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			RestClient alice = RestClient.builder()
				.baseUrl(base)
				.defaultHeaders((headers) -> headers.setBasicAuth("alice", "alice-password"))
				.build();
			Map<String, Object> created = alice.post()
				.uri("/api/products")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "Rooibos", "sku", "AOT-1", "unitPrice", "4.20", "supplierCost", "1.10", "status",
						"ACTIVE"))
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
			RestClient admin = RestClient.builder()
				.baseUrl(base)
				.defaultHeaders((headers) -> headers.setBasicAuth("admin", SecurityConfiguration.ADMIN_PASSWORD))
				.build();
			assertThat(admin.get().uri("/auditlog").retrieve().body(String.class))
				.contains("<meta name=\"auditlog-endpoint\" content=\"/actuator/auditlog\">");
			Map<String, Object> page = admin.get()
				.uri("/actuator/auditlog?model=Product&objectPk={id}", created.get("id"))
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
			assertThat(entries).singleElement().satisfies((entry) -> {
				assertThat(entry).containsEntry("action", "CREATE").containsEntry("actor", "alice");
				assertThat(entry.get("changes").toString()).contains("Rooibos");
			});
		}
	}

}
