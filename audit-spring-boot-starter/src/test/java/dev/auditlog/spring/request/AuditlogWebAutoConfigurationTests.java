package dev.auditlog.spring.request;

import java.util.Optional;

import dev.auditlog.core.AuditContext;
import dev.auditlog.spring.ActorResolver;
import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.context.AuditlogContextAutoConfiguration;
import dev.auditlog.spring.security.SecurityContextActorResolver;
import dev.auditlog.spring.web.AuditContextFilter;
import dev.auditlog.spring.web.AuditlogWebAutoConfiguration;
import dev.auditlog.spring.web.ServletPrincipalActorResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.data.domain.AuditorAware;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of the web, security and context-propagation auto-configurations.
 */
class AuditlogWebAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogAutoConfiguration.class, AuditlogWebAutoConfiguration.class,
				AuditlogContextAutoConfiguration.class));

	@Test
	void servletApplicationGetsTheRequestFilter() {
		this.web.run((context) -> assertThat(context).hasBean("auditContextFilter")
			.getBean("auditContextFilter", FilterRegistrationBean.class)
			.extracting(FilterRegistrationBean::getFilter)
			.isInstanceOf(AuditContextFilter.class));
	}

	@Test
	void requestFilterHasAKillSwitch() {
		this.web.withPropertyValues("auditlog.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("auditContextFilter"));
	}

	@Test
	void nonWebApplicationHasNoRequestFilter() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AuditlogAutoConfiguration.class, AuditlogWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("auditContextFilter"));
	}

	@Test
	void actorComesFromSpringSecurityWhenPresent() {
		this.web.run((context) -> assertThat(context).getBean(ActorResolver.class)
			.isInstanceOf(SecurityContextActorResolver.class));
	}

	@Test
	void actorComesFromTheServletPrincipalWithoutSpringSecurity() {
		this.web.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).getBean(ActorResolver.class)
				.isInstanceOf(ServletPrincipalActorResolver.class));
	}

	@Test
	void applicationActorResolverWins() {
		ActorResolver own = () -> "own";
		this.web.withBean(ActorResolver.class, () -> own)
			.run((context) -> assertThat(context).getBean(ActorResolver.class).isSameAs(own));
	}

	@Test
	void auditorAwareUsesTheSameActor() {
		this.web.run((context) -> {
			@SuppressWarnings("unchecked")
			AuditorAware<String> auditorAware = context.getBean(AuditorAware.class);
			try (AuditContext.Scope actor = AuditContext.withActor("stamper")) {
				assertThat(auditorAware.getCurrentAuditor()).isEqualTo(Optional.of("stamper"));
			}
			assertThat(auditorAware.getCurrentAuditor()).isEmpty();
		});
	}

	@Test
	void taskDecoratorCarriesTheContext() {
		this.web.run((context) -> {
			TaskDecorator decorator = context.getBean("auditlogTaskDecorator", TaskDecorator.class);
			String[] seen = new String[1];
			Runnable task;
			try (AuditContext.Scope actor = AuditContext.withActor("decorated")) {
				task = decorator.decorate(() -> seen[0] = AuditContext.actor());
			}
			Thread thread = new Thread(task);
			thread.start();
			thread.join(10_000);
			assertThat(seen[0]).isEqualTo("decorated");
		});
	}

	@Test
	void filterLeavesTheAddressOutWhenDisabledAndRestoresTheContext() throws Exception {
		String[] seen = new String[2];
		AuditContextFilter filter = new AuditContextFilter("X-Correlation-ID", null, false);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("198.51.100.4");
		request.addHeader("X-Correlation-ID", "c-9");
		filter.doFilter(request, new MockHttpServletResponse(),
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest req,
							jakarta.servlet.http.HttpServletResponse res) {
						seen[0] = AuditContext.remoteAddr();
						seen[1] = AuditContext.cid();
					}
				}));
		assertThat(seen[0]).isNull();
		assertThat(seen[1]).isEqualTo("c-9");
		assertThat(AuditContext.capture()).isEqualTo(AuditContext.Snapshot.EMPTY);
	}

}
