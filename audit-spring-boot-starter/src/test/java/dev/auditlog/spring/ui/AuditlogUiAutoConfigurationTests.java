package dev.auditlog.spring.ui;

import java.util.List;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.actuate.AuditlogEndpoint;
import dev.auditlog.spring.query.LogEntryRepository;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link AuditlogUiAutoConfiguration}: the page is there in a servlet
 * application that exposes the endpoint on its own port, at the configured path, and
 * nowhere else.
 */
class AuditlogUiAutoConfigurationTests {

	private static final String PAGE = "auditlogUiHandlerMapping";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				AuditlogUiAutoConfiguration.class))
		.withUserConfiguration(EndpointConfiguration.class);

	@Test
	void servesThePageWhenTheEndpointIsExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.run((context) -> assertThat(context).hasBean(PAGE));
	}

	@Test
	void hasNoPageUnlessTheEndpointIsExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
	}

	@Test
	void hasNoPageWhenTurnedOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog", "auditlog.ui.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
	}

	@Test
	void hasNoPageWhenTheAuditLogIsTurnedOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog", "auditlog.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
	}

	@Test
	void hasNoPageWhenTheEndpointIsOnAnotherPort() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog", "management.server.port=0")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
	}

	@Test
	void hasNoPageWithoutServletWebSupport() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, AuditlogUiAutoConfiguration.class))
			.withUserConfiguration(EndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
	}

	@Test
	void hasNoPageWithoutTheActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PAGE));
	}

	@Test
	void servesThePageAtTheConfiguredPathWithTheEndpointsPath() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog", "auditlog.ui.path=/admin/log/",
					"management.endpoints.web.base-path=/manage")
			.run((context) -> {
				assertThat(context.getBean(AuditlogUiProperties.class).getPath()).isEqualTo("/admin/log");
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(get("/admin/log"))
					.andExpect(status().isOk())
					.andExpect(header().string("Content-Security-Policy", AuditlogPage.CONTENT_SECURITY_POLICY))
					.andExpect(content().string(org.hamcrest.Matchers
						.containsString("<meta name=\"auditlog-endpoint\" content=\"/manage/auditlog\">")))
					.andExpect(content().string(org.hamcrest.Matchers
						.containsString("<script type=\"module\" src=\"/admin/log/assets/app.js\">")));
				mvc.perform(get("/admin/log/assets/state.js"))
					.andExpect(status().isOk())
					.andExpect(header().string("Content-Security-Policy", AuditlogPage.CONTENT_SECURITY_POLICY))
					.andExpect(content().contentTypeCompatibleWith("text/javascript"));
				mvc.perform(get("/admin/log/index.html")).andExpect(status().isNotFound());
				mvc.perform(get("/auditlog")).andExpect(status().isNotFound());
			});
	}

	@Test
	void leavesThePathToAControllerOfTheApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
							HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
							WebMvcAutoConfiguration.class, AuditlogUiAutoConfiguration.class))
			.withUserConfiguration(EndpointConfiguration.class, OwnPageController.class)
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog")
			.run((context) -> {
				assertThat(context).hasBean(PAGE);
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(get("/auditlog")).andExpect(content().string("the application's own"));
				mvc.perform(get("/auditlog/"))
					.andExpect(status().isOk())
					.andExpect(header().string("Content-Security-Policy", AuditlogPage.CONTENT_SECURITY_POLICY));
			});
	}

	@Test
	void registersThePagesFilesForNativeImages() {
		RuntimeHints hints = new RuntimeHints();
		new AuditlogUiRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (String file : List.of("index.html", "assets/app.js", "assets/state.js", "assets/dom.js",
				"assets/auditlog.css")) {
			assertThat(RuntimeHintsPredicates.resource().forResource(AuditlogPage.LOCATION + file)).accepts(hints);
		}
	}

	@Test
	void refusesAPathThatIsNotBelowTheRoot() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=auditlog", "auditlog.ui.path=log")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("auditlog.ui.path must start with '/'"));
	}

	@RestController
	static class OwnPageController {

		@GetMapping("/auditlog")
		String page() {
			return "the application's own";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EndpointConfiguration {

		@Bean
		AuditlogEndpoint auditlogEndpoint() {
			// never called: only the endpoint's presence matters here
			return new AuditlogEndpoint(mock(AuditLog.class), mock(LogEntryRepository.class));
		}

	}

}
