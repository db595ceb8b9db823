package dev.auditlog.spring.actor;

import java.util.List;
import java.util.Map;

import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code spring.threads.virtual.enabled}, work a request hands over runs on virtual
 * threads and is still recorded with the request's user. Virtual threads exist from Java
 * 21: the build's baseline is 17, so {@code .ci/run} runs this class again on Java 25.
 */
@SpringBootTest(classes = ActorApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.datasource.hikari.maximum-pool-size=4", "spring.threads.virtual.enabled=true" })
@AutoConfigureMockMvc
@EnabledForJreRange(min = JRE.JAVA_21)
class ActorVirtualThreadTests {

	private static TestDatabase database;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_actor_virtual_threads");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@Test
	void workHandedOverToVirtualThreadsIsRecordedWithTheRequestsUser() throws Exception {
		for (String handover : List.of("async", "future")) {
			String id = this.mvc
				.perform(post("/tickets/" + handover).param("title", "opened").with(httpBasic("alice", "alice-pw")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String thread = this.mvc
				.perform(put("/tickets/{id}/" + handover, id).param("title", "renamed")
					.with(httpBasic("alice", "alice-pw")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(thread).as(handover).startsWith("VirtualThread");
			assertThat(this.jdbc.queryForList("SELECT actor FROM auditlog_logentry WHERE object_pk = ? ORDER BY id",
					String.class, id))
				.as(handover)
				.containsExactly("alice", "alice");
			Map<String, Object> ticket = this.jdbc
				.queryForMap("SELECT created_by, last_modified_by FROM ticket WHERE id = ?", Long.parseLong(id));
			assertThat(ticket).as(handover)
				.containsEntry("created_by", "alice")
				.containsEntry("last_modified_by", "alice");
		}
	}

}
