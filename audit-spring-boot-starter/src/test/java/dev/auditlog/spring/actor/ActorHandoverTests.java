package dev.auditlog.spring.actor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Work a request hands over to another thread is recorded with the request's user, for
 * every way of signing in and every way of handing over: the {@code actor} of its
 * entries, the {@code created_by}/{@code last_modified_by} columns Spring Data stamps,
 * and the {@code principal} of the events it records, read back with plain SQL on
 * PostgreSQL.
 */
@SpringBootTest(classes = ActorApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.datasource.hikari.maximum-pool-size=4" })
@AutoConfigureMockMvc
class ActorHandoverTests {

	private static TestDatabase database;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ActorApplication.TicketService service;

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeAll
	static void database() {
		if (database == null) {
			database = TestDatabase.postgres("auditlog_actor_handover");
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
		this.jdbc.update("DELETE FROM auditlog_event");
	}

	static Stream<Arguments> signInsAndHandovers() {
		return Stream.of(SignIn.values())
			.flatMap((signIn) -> Stream.of("async", "future").map((handover) -> Arguments.of(signIn, handover)));
	}

	@ParameterizedTest(name = "{0} through {1}")
	@MethodSource("signInsAndHandovers")
	void workHandedOverByARequestIsRecordedWithItsUser(SignIn signIn, String handover) throws Exception {
		RequestPostProcessor user = signIn.user(this.mvc);
		String id = this.mvc.perform(post("/tickets/" + handover).param("title", "opened").with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String thread = this.mvc.perform(put("/tickets/{id}/" + handover, id).param("title", "renamed").with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(thread).isNotEqualTo(Thread.currentThread().toString());
		assertRecordedBy(id, signIn.name);
	}

	@Test
	@WithMockUser("dave")
	void mockUserIsRecordedThroughAsyncMethodsAndFutures() throws Exception {
		for (String handover : List.of("async", "future")) {
			String id = this.mvc.perform(post("/tickets/" + handover).param("title", "opened"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			this.mvc.perform(put("/tickets/{id}/" + handover, id).param("title", "renamed")).andExpect(status().isOk());
			assertRecordedBy(id, "dave");
		}
	}

	@Test
	void micrometerContextPropagationCarriesTheUser() throws Exception {
		long id = this.service.open("opened");
		this.mvc
			.perform(put("/tickets/{id}/propagated", id).param("title", "renamed").with(httpBasic("alice", "alice-pw")))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT actor FROM auditlog_logentry WHERE object_pk = ? AND action = 1",
				String.class, Long.toString(id)))
			.isEqualTo("alice");
		assertThat(actorOf(id)).isNull();
		assertThat(column(id, "last_modified_by")).isEqualTo("alice");
	}

	@Test
	void eventsRecordedByHandedOverWorkNameTheUser() throws Exception {
		this.mvc.perform(post("/tickets/export").with(httpBasic("alice", "alice-pw"))).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT principal FROM auditlog_event WHERE type = 'DATA_EXPORT'",
				String.class))
			.isEqualTo("alice");
	}

	@Test
	void authenticationEventsNamingNoOneAreRecordedUnderTheDecidedActor() {
		this.events.publishEvent(new AuditApplicationEvent("alice", "AUTHENTICATION_SUCCESS"));
		try (AuditContext.Scope scope = AuditContext.withActor("importer")) {
			this.events.publishEvent(new AuditApplicationEvent("bob", "AUTHENTICATION_FAILURE"));
			this.events.publishEvent(new AuditApplicationEvent("", "AUTHENTICATION_FAILURE"));
			this.events.publishEvent(new AuditApplicationEvent("<unknown>", "AUTHORIZATION_FAILURE"));
		}
		this.events.publishEvent(new AuditApplicationEvent("  ", "AUTHENTICATION_FAILURE"));
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "guest",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		try {
			this.events.publishEvent(new AuditApplicationEvent("guest", "AUTHORIZATION_FAILURE"));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.jdbc.queryForList("SELECT principal FROM auditlog_event ORDER BY id", String.class))
			.containsExactly("alice", "bob", "importer", "importer", "anonymous", "anonymous");
	}

	@Test
	void explicitActorWinsOverTheUserInHandedOverWork() throws Exception {
		try (AuditContext.Scope scope = AuditContext.withActor("importer")) {
			long id = this.service.openAsync("opened").get(10, TimeUnit.SECONDS);
			assertRecordedBy(Long.toString(id), "importer", 1);
		}
	}

	@Test
	void scheduledWorkWithoutARequestHasNoActorAndInheritsNoneFromEarlierTasks() throws Exception {
		CompletableFuture<Long> withActor = new CompletableFuture<>();
		try (AuditContext.Scope scope = AuditContext.withActor("scheduler-test")) {
			this.scheduler.schedule(() -> withActor.complete(this.service.open("by scope")), Instant.now());
		}
		long first = withActor.get(10, TimeUnit.SECONDS);
		CompletableFuture<Long> without = new CompletableFuture<>();
		this.scheduler.schedule(() -> without.complete(this.service.open("by nobody")), Instant.now());
		long second = without.get(10, TimeUnit.SECONDS);
		assertThat(column(first, "created_by")).isEqualTo("scheduler-test");
		assertThat(column(second, "created_by")).isNull();
		assertThat(actorOf(first)).isEqualTo("scheduler-test");
		assertThat(actorOf(second)).isNull();
	}

	private void assertRecordedBy(String id, String actor) {
		assertRecordedBy(id, actor, 2);
	}

	private void assertRecordedBy(String id, String actor, int entries) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT action, actor FROM auditlog_logentry WHERE object_pk = ? ORDER BY id", id);
		assertThat(rows).as("entries of ticket %s", id).hasSize(entries);
		assertThat(rows).extracting((row) -> row.get("actor")).containsOnly(actor);
		assertThat(column(Long.parseLong(id), "created_by")).isEqualTo(actor);
		assertThat(column(Long.parseLong(id), "last_modified_by")).isEqualTo(actor);
	}

	private String actorOf(long created) {
		return this.jdbc.queryForObject("SELECT actor FROM auditlog_logentry WHERE object_pk = ? AND action = 0",
				String.class, Long.toString(created));
	}

	private String column(long id, String column) {
		return this.jdbc.queryForObject("SELECT " + column + " FROM ticket WHERE id = ?", String.class, id);
	}

	enum SignIn {

		HTTP_BASIC("alice"), FORM_LOGIN("bob"), BEARER_TOKEN("carol");

		final String name;

		SignIn(String name) {
			this.name = name;
		}

		RequestPostProcessor user(MockMvc mvc) throws Exception {
			return switch (this) {
				case HTTP_BASIC -> httpBasic("alice", "alice-pw");
				case FORM_LOGIN -> {
					MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("bob").password("bob-pw"))
						.andReturn()
						.getRequest()
						.getSession();
					yield (request) -> {
						request.setSession(session);
						return request;
					};
				}
				case BEARER_TOKEN -> (request) -> {
					request.addHeader("Authorization", "Bearer token-carol");
					return request;
				};
			};
		}

	}

}
