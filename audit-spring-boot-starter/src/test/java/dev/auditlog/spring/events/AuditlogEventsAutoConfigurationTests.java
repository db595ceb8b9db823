package dev.auditlog.spring.events;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.actuate.security.AuthenticationAuditListener;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;

import static org.assertj.core.api.Assertions.assertThat;

class AuditlogEventsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogEventsAutoConfiguration.class))
		.withBean(DataSource.class,
				() -> new DriverManagerDataSource("jdbc:h2:mem:auditlog_events_conditions;DB_CLOSE_DELAY=-1", "sa",
						""));

	@Test
	void storesSpringBootsAuditEventsWhenSpringSecurityIsPresent() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(AuditEventStore.class)
			.hasSingleBean(JdbcAuditEventRepository.class)
			.hasSingleBean(LogoutAuditListener.class)
			.hasSingleBean(AuthenticationSuccessAuditListener.class));
	}

	@Test
	void applicationAuthenticationAuditListenerWinsAndBootsIsNotDeclaredTwice() {
		AuthenticationAuditListener own = new AuthenticationAuditListener();
		this.runner.withBean(AbstractAuthenticationAuditListener.class, () -> own)
			.withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
			.run((context) -> assertThat(context).getBean(AbstractAuthenticationAuditListener.class).isSameAs(own));
	}

	@Test
	void bootsAuthenticationAuditListenerIsReplacedByTheFilteringOne() {
		this.runner.withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class))
			.run((context) -> assertThat(context).getBean(AbstractAuthenticationAuditListener.class)
				.isInstanceOf(AuthenticationSuccessAuditListener.class));
	}

	@Test
	void withAuditEventsOffInBootNoAuthenticationListenerIsDeclared() {
		this.runner.withPropertyValues("management.auditevents.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AbstractAuthenticationAuditListener.class));
	}

	@Test
	void withoutSpringSecurityNoRepositoryIsDeclaredSoBootStartsNoSecurityListeners() {
		this.runner.withClassLoader(new FilteredClassLoader(AbstractAuthenticationEvent.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(AuditEventStore.class)
				.doesNotHaveBean(AuditEventRepository.class));
	}

	@Test
	void applicationRepositoryWins() {
		AuditEventRepository own = new org.springframework.boot.actuate.audit.InMemoryAuditEventRepository();
		this.runner.withBean(AuditEventRepository.class, () -> own)
			.run((context) -> assertThat(context).getBean(AuditEventRepository.class).isSameAs(own));
	}

	@Test
	void eventsHaveAKillSwitch() {
		this.runner.withPropertyValues("auditlog.events.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditEventStore.class)
				.doesNotHaveBean(AuditEventRepository.class));
	}

}
