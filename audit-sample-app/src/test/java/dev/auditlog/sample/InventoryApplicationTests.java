package dev.auditlog.sample;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.auditlog.spring.testdb.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application over real HTTP on PostgreSQL: what a newcomer does in the
 * README's walkthrough.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.profiles.active=postgres")
class InventoryApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static TestDatabase database;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_sample_app");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
		registry.add("spring.jpa.hibernate.ddl-auto", () -> "create-drop");
		registry.add("auditlog.integrity.seal-interval", () -> "200ms");
	}

	@Test
	void theAdminVerifiesTheLogAndSeesAnEntryChangedBySql() {
		Object productId = productId("MUG-001");
		client("alice", SecurityConfiguration.ALICE_PASSWORD).put()
			.uri("/api/products/{id}", productId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("supplierCost", "7.77"))
			.retrieve()
			.toBodilessEntity();
		Long entryId = ((Number) entries("model=Product&objectPk=" + productId + "&size=1").get(0).get("id"))
			.longValue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM auditlog_seal WHERE table_name = 'auditlog_logentry' AND last_id >= ?",
					Long.class, entryId) > 0);
		Map<String, Object> valid = admin().get().uri("/actuator/auditlog/verify").retrieve().body(JSON);
		assertThat(valid).containsEntry("valid", true).containsEntry("problems", List.of());
		assertThat(((Number) valid.get("seals")).longValue()).isPositive();
		String changes = this.jdbc.queryForObject("SELECT CAST(changes AS text) FROM auditlog_logentry WHERE id = ?",
				String.class, entryId);
		this.jdbc.update("UPDATE auditlog_logentry SET changes = CAST(? AS jsonb) WHERE id = ?",
				"{\"unitPrice\": [\"9.00\", \"1.00\"]}", entryId);
		Map<String, Object> invalid = admin().get().uri("/actuator/auditlog/verify").retrieve().body(JSON);
		assertThat(invalid).containsEntry("valid", false)
			.containsEntry("problems", List.of(Map.of("entryId", entryId.intValue(), "kind", "modified")));
		this.jdbc.update("UPDATE auditlog_logentry SET changes = CAST(? AS jsonb) WHERE id = ?", changes, entryId);
		assertThat(admin().get().uri("/actuator/auditlog/verify").retrieve().body(JSON)).containsEntry("valid", true);
	}

	@Test
	void aliceEditsAProductAndTheAdminSeesWhoWhatAndWhich() {
		Map<String, Object> product = client("alice", SecurityConfiguration.ALICE_PASSWORD).put()
			.uri("/api/products/{id}", demoProductId())
			.header("X-Correlation-ID", "walkthrough-1")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("unitPrice", "13.00", "supplierCost", "8.45"))
			.retrieve()
			.body(JSON);
		assertThat(product).containsEntry("lastModifiedBy", "alice");
		Map<String, Object> entry = entries("model=Product&objectPk=" + demoProductId() + "&size=1").get(0);
		assertThat(entry).containsEntry("action", "UPDATE")
			.containsEntry("actor", "alice")
			.containsEntry("cid", "walkthrough-1")
			.containsEntry("remoteAddr", "127.0.0.1");
		assertThat(entry.get("changes").toString()).contains("12.50", "13.00", "**45").doesNotContain("8.45");
		assertThat(entry.get("changesDisplay").toString()).contains("Unit price");
	}

	@Test
	void writtenEntriesAreCountedPerModelAndActionNeverPerActor() {
		double products = this.meters.counter("auditlog.entries", "model", "Product").count();
		double updates = this.meters.counter("auditlog.entries.written", "action", "update").count();
		client("alice", SecurityConfiguration.ALICE_PASSWORD).put()
			.uri("/api/products/{id}", demoProductId())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("supplierCost", "7.77"))
			.retrieve()
			.toBodilessEntity();
		assertThat(this.meters.counter("auditlog.entries", "model", "Product").count()).isEqualTo(products + 1);
		assertThat(this.meters.counter("auditlog.entries.written", "action", "update").count()).isEqualTo(updates + 1);
		assertThat(this.meters.find("auditlog.entries").tagKeys("actor").meters()).isEmpty();
	}

	@Test
	void demoDataIsAttributedToSystem() {
		List<Map<String, Object>> entries = entries("model=Product&action=CREATE&size=50");
		assertThat(entries).hasSizeGreaterThanOrEqualTo(3).allSatisfy((entry) -> {
			assertThat(entry).containsEntry("actor", "system").containsEntry("cid", "demo-data");
		});
	}

	@Test
	void pagesFollowEachOtherWithoutDuplicateOrGap() {
		Map<String, Object> first = admin().get().uri("/actuator/auditlog?size=2").retrieve().body(JSON);
		Object next = first.get("next");
		assertThat(next).isNotNull();
		Map<String, Object> second = admin().get()
			.uri("/actuator/auditlog?size=2&before=" + next)
			.retrieve()
			.body(JSON);
		List<Object> all = admin().get()
			.uri("/actuator/auditlog?size=4")
			.retrieve()
			.body(JSON)
			.entrySet()
			.stream()
			.filter((member) -> member.getKey().equals("entries"))
			.flatMap((member) -> ((List<?>) member.getValue()).stream())
			.map((entry) -> ((Map<?, ?>) entry).get("id"))
			.map(Object.class::cast)
			.toList();
		Set<Object> paged = new HashSet<>();
		ids(first).forEach(paged::add);
		ids(second).forEach(paged::add);
		assertThat(paged).hasSize(4).containsExactlyInAnyOrderElementsOf(all);
	}

	@Test
	void theAuditLogIsForAdminsOnly() {
		HttpStatusCode asAlice = client("alice", SecurityConfiguration.ALICE_PASSWORD).get()
			.uri("/actuator/auditlog")
			.exchange((request, response) -> response.getStatusCode());
		HttpStatusCode anonymous = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/auditlog")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(asAlice.value()).isEqualTo(403);
		assertThat(anonymous.value()).isEqualTo(401);
	}

	@Test
	void scratchProductsStayOutOfTheLog() {
		Map<String, Object> scratch = client("alice", SecurityConfiguration.ALICE_PASSWORD).post()
			.uri("/api/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", "TMP-1", "name", "Load test"))
			.retrieve()
			.body(JSON);
		assertThat(entries("model=Product&objectPk=" + scratch.get("id"))).isEmpty();
	}

	@Test
	void readingAProductIsLoggedAsAccess() {
		client("alice", SecurityConfiguration.ALICE_PASSWORD).get()
			.uri("/api/products/{id}", demoProductId())
			.retrieve()
			.toBodilessEntity();
		assertThat(entries("model=Product&action=ACCESS&actor=alice")).isNotEmpty();
	}

	private List<Object> ids(Map<String, Object> page) {
		return ((List<?>) page.get("entries")).stream().map((entry) -> (Object) ((Map<?, ?>) entry).get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> entries(String query) {
		Map<String, Object> page = admin().get().uri("/actuator/auditlog?" + query).retrieve().body(JSON);
		return (List<Map<String, Object>>) page.get("entries");
	}

	private @Nullable Object demoProductId() {
		return productId("TEA-001");
	}

	private @Nullable Object productId(String sku) {
		List<Map<String, Object>> products = client("alice", SecurityConfiguration.ALICE_PASSWORD).get()
			.uri("/api/products")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return products.stream()
			.filter((product) -> sku.equals(product.get("sku")))
			.findFirst()
			.orElseThrow()
			.get("id");
	}

	private RestClient admin() {
		return client("admin", SecurityConfiguration.ADMIN_PASSWORD);
	}

	private RestClient client(String user, String password) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth(user, password))
			.build();
	}

}
