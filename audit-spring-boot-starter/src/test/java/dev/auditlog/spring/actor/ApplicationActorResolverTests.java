package dev.auditlog.spring.actor;

import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application's {@link ActorResolver} bean replaces Spring Security's user, for the
 * request's own work and for the work it hands over, even with Spring Boot's Micrometer
 * context propagation decorating the same executor.
 */
@SpringBootTest(classes = { ActorApplication.class, ApplicationActorResolverTests.OwnResolver.class },
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.datasource.hikari.maximum-pool-size=4", "spring.task.execution.propagate-context=true" })
@AutoConfigureMockMvc
class ApplicationActorResolverTests {

	private static TestDatabase database;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ActorResolver actorResolver;

	@Autowired
	ActorResolution actorResolution;

	@Autowired
	TaskDecorator[] taskDecorators;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_actor_resolver");
		}
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database();
		database.register(registry);
	}

	@BeforeEach
	void clean() {
		this.jdbc.update("DELETE FROM ticket");
		this.jdbc.update("DELETE FROM auditlog_logentry");
	}

	@Test
	void applicationResolverIsTheOneAsked() {
		assertThat(this.actorResolver).isInstanceOf(OnBehalfOf.class);
		assertThat(this.taskDecorators).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void applicationResolverWinsOverSpringSecurityInTheRequestAndInHandedOverWork() throws Exception {
		for (String handover : new String[] { "async", "future" }) {
			String id = this.mvc
				.perform(post("/tickets/" + handover).param("title", "opened")
					.header(OnBehalfOf.HEADER, "zoe")
					.with(httpBasic("alice", "alice-pw")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			this.mvc
				.perform(put("/tickets/{id}/" + handover, id).param("title", "renamed")
					.header(OnBehalfOf.HEADER, "zoe")
					.with(httpBasic("alice", "alice-pw")))
				.andExpect(status().isOk());
			assertThat(
					this.jdbc.queryForList("SELECT actor FROM auditlog_logentry WHERE object_pk = ?", String.class, id))
				.as(handover)
				.containsExactly("zoe", "zoe");
			assertThat(this.jdbc.queryForMap("SELECT created_by, last_modified_by FROM ticket WHERE id = ?",
					Long.parseLong(id)))
				.as(handover)
				.containsEntry("created_by", "zoe")
				.containsEntry("last_modified_by", "zoe");
		}
	}

	@Test
	void requestWithoutTheHeaderHasNoActorAlthoughSignedIn() throws Exception {
		String id = this.mvc
			.perform(post("/tickets/async").param("title", "opened").with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.jdbc.queryForList("SELECT actor FROM auditlog_logentry WHERE object_pk = ?", String.class, id))
			.containsExactly((String) null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnResolver {

		@Bean
		OnBehalfOf onBehalfOf() {
			return new OnBehalfOf();
		}

	}

	/** The actor is whom a trusted gateway says the request acts for. */
	static class OnBehalfOf implements ActorResolver {

		static final String HEADER = "X-On-Behalf-Of";

		@Override
		public String currentActor() {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				return attributes.getRequest().getHeader(HEADER);
			}
			return null;
		}

	}

}
