package dev.auditlog.spring.observe;

import java.util.Map;

import javax.sql.DataSource;

import dev.auditlog.spring.AuditlogAutoConfiguration;
import dev.auditlog.spring.context.AuditlogContextAutoConfiguration;
import dev.auditlog.spring.events.AuditEventStore;
import dev.auditlog.spring.events.AuditlogEventsAutoConfiguration;
import dev.auditlog.spring.web.AuditlogWebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleSpanInScope;
import io.micrometer.tracing.test.simple.SimpleTracer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer is optional: without it, or without a registry or a tracer, the starter
 * starts and works as before; with it, system events are counted and the cid defaults to
 * the trace id.
 */
class MicrometerConditionsTests {

	private static final DataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:auditlog_observe_conditions;DB_CLOSE_DELAY=-1", "sa", "");

	private final ApplicationContextRunner events = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogEventsAutoConfiguration.class))
		.withBean(DataSource.class, () -> dataSource);

	@BeforeAll
	static void eventTable() {
		new JdbcTemplate(dataSource).execute("CREATE TABLE IF NOT EXISTS auditlog_event (id BIGINT AUTO_INCREMENT "
				+ "PRIMARY KEY, timestamp TIMESTAMP WITH TIME ZONE, principal VARCHAR(255), type VARCHAR(255), "
				+ "remote_addr VARCHAR(64), cid VARCHAR(255), data JSON)");
	}

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditlogAutoConfiguration.class, AuditlogWebAutoConfiguration.class,
				AuditlogContextAutoConfiguration.class));

	@Test
	void withAMeterRegistrySystemEventsAreCountedByType() {
		this.events.withBean(SimpleMeterRegistry.class).run((context) -> {
			context.getBean(AuditEventStore.class).record("alice", "DATA_EXPORT", Map.of());
			assertThat(context.getBean(MeterRegistry.class)
				.get("auditlog.events.written")
				.tag("type", "DATA_EXPORT")
				.counter()
				.count()).isOne();
		});
	}

	@Test
	void withoutMicrometerSystemEventsAreWrittenAsBefore() {
		this.events.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(AuditEventStore.class).record("alice", "DATA_EXPORT", Map.of());
			assertThat(new JdbcTemplate(dataSource)
				.queryForObject("SELECT count(*) FROM auditlog_event WHERE type = 'DATA_EXPORT'", Integer.class))
				.isPositive();
		});
	}

	@Test
	void withATracerTheCidOfARequestWithoutOneIsTheTraceId() {
		this.web.withBean(SimpleTracer.class).run((context) -> {
			SimpleTracer tracer = context.getBean(SimpleTracer.class);
			SimpleSpan span = tracer.nextSpan().start();
			try (SimpleSpanInScope scope = tracer.withSpan(span)) {
				assertThat(cidOf(context)).isEqualTo(span.context().traceId()).isNotBlank();
			}
			finally {
				span.end();
			}
			assertThat(cidOf(context)).isNotEqualTo(span.context().traceId());
		});
	}

	@Test
	void withoutMicrometerTracingTheCidIsGenerated() {
		this.web.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.withBean(SimpleTracer.class)
			.run((context) -> assertThat(context).hasNotFailed());
		this.web.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.run((context) -> assertThat(cidOf(context)).matches("[0-9a-f-]{36}"));
	}

	private static String cidOf(ApplicationContext context) throws Exception {
		Filter filter = context.getBean("auditContextFilter", FilterRegistrationBean.class).getFilter();
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());
		return response.getHeader("X-Correlation-ID");
	}

}
