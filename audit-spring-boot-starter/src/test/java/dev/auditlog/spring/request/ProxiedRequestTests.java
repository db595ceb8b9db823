package dev.auditlog.spring.request;

import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.testdb.TestDatabase;
import dev.auditlog.spring.web.CorrelationIdProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application behind a proxy it trusts ({@code server.forward-headers-strategy:
 * framework}), taking its correlation ids from a bean and recording user agents, on
 * PostgreSQL.
 */
@SpringBootTest(classes = { RequestApplication.class, ProxiedRequestTests.TraceIds.class },
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"server.forward-headers-strategy=framework", "auditlog.web.user-agent=true",
				"auditlog.cid.getter=traceIds", "auditlog.events.slow-request-threshold=1ns" })
@AutoConfigureMockMvc
class ProxiedRequestTests {

	private static TestDatabase database;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountRepository accounts;

	long accountId;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_proxied_requests");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@BeforeEach
	void oneAccount() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			this.jdbc.update("DELETE FROM account");
			this.jdbc.update("DELETE FROM auditlog_logentry");
			this.accountId = this.accounts.save(new Account("Ada")).getId();
		}
	}

	@Test
	void forwardedClientAddressIsRecordedWhenTheProxyIsTrusted() throws Exception {
		this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "x")
				.header("X-Forwarded-For", "203.0.113.9")
				.with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("remote_addr", "203.0.113.9");
	}

	@Test
	void forwardedIpv6WithBracketsAndPortIsStoredAsTheAddressAlone() throws Exception {
		this.jdbc.update("DELETE FROM auditlog_event");
		this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "x")
				.header("X-Forwarded-For", "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:51234")
				.with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(lastEntry()).containsEntry("remote_addr", "2001:db8:85a3::8a2e:370:7334");
		assertThat(this.jdbc.queryForList("SELECT remote_addr FROM auditlog_event", String.class))
			.containsOnly("2001:db8:85a3::8a2e:370:7334");
	}

	@Test
	void correlationIdComesFromTheNamedBean() throws Exception {
		MvcResult result = this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "x")
				.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
				.header("X-Correlation-ID", "ignored-header")
				.with(httpBasic("alice", "alice-pw")))
			.andReturn();
		assertThat(result.getResponse().getHeader("X-Correlation-ID")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(lastEntry()).containsEntry("cid", "4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void userAgentIsAddedToTheAdditionalData() throws Exception {
		this.mvc
			.perform(put("/accounts/{id}", this.accountId).param("name", "x")
				.header("User-Agent", "curl/8.5.0")
				.with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(lastEntry().get("additional_data").toString()).contains("curl/8.5.0");
	}

	@Test
	void requestsOverTheThresholdAreRecordedAsSlow() throws Exception {
		this.jdbc.update("DELETE FROM auditlog_event");
		this.mvc.perform(put("/accounts/{id}", this.accountId).param("name", "x").with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		Map<String, Object> event = this.jdbc.queryForMap("SELECT * FROM auditlog_event WHERE type = 'SLOW_REQUEST'");
		assertThat(event).containsEntry("principal", "alice");
		assertThat(event.get("data").toString()).contains("/accounts/" + this.accountId, "durationMs");
	}

	private Map<String, Object> lastEntry() {
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM auditlog_logentry ORDER BY id");
		assertThat(rows).isNotEmpty();
		return rows.get(rows.size() - 1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TraceIds {

		@Bean
		CorrelationIdProvider traceIds() {
			return (request) -> {
				String traceparent = request.getHeader("traceparent");
				return (traceparent != null) ? traceparent.split("-")[1] : null;
			};
		}

	}

}
