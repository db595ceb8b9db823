package dev.auditlog.spring.hibernate;

import java.util.List;

import dev.auditlog.spring.schema.AuditDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the recorder reports depends on what Micrometer there is: nothing without it or
 * without a registry, counters with a meter registry, the observation with an observation
 * registry.
 */
class RecordingMetricsConditionsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner();

	private static RecordingMetrics metricsOf(org.springframework.context.ApplicationContext context) {
		return new AuditlogEntityManagerFactoryPostProcessor(context.getAutowireCapableBeanFactory())
			.metrics(AuditDatabase.POSTGRESQL);
	}

	@Test
	void withoutMicrometerNothingIsReported() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core", "io.micrometer.observation"))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(metricsOf(context)).isSameAs(RecordingMetrics.NONE));
	}

	@Test
	void withoutARegistryNothingIsReported() {
		this.runner.run((context) -> assertThat(metricsOf(context)).isSameAs(RecordingMetrics.NONE));
	}

	@Test
	void aNoopObservationRegistryReportsNothing() {
		this.runner.withBean(ObservationRegistry.class, () -> ObservationRegistry.NOOP)
			.run((context) -> assertThat(metricsOf(context)).isSameAs(RecordingMetrics.NONE));
	}

	@Test
	void withOnlyAnObservationRegistryWritesAreObserved() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> {
				RecordingMetrics metrics = metricsOf(context);
				metrics.startWrite(3).succeeded();
				assertThat(context.getBean(TestObservationRegistry.class)).hasSingleObservationThat()
					.hasNameEqualTo("auditlog.write")
					.hasLowCardinalityKeyValue("database", "postgresql")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasHighCardinalityKeyValue("entries", "3");
			});
	}

	@Test
	void withAMeterRegistryTheCountersAreRegisteredOnceForEachAction() {
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			RecordingMetrics metrics = metricsOf(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("auditlog.entries.written").counters()).hasSize(4);
			assertThat(meters.find("auditlog.entries.vetoed").counters()).hasSize(4);
			assertThat(meters.find("auditlog.entries.dropped").counters()).hasSize(4);
			assertThat(metrics.startWrite(1)).isSameAs(RecordingMetrics.UNOBSERVED);
			metrics.vetoed(dev.auditlog.core.Action.DELETE);
			assertThat(meters.get("auditlog.entries.vetoed").tag("action", "delete").counter().count()).isOne();
			assertThat(meters.getMeters()).allSatisfy(
					(meter) -> assertThat(meter.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
						.isSubsetOf(List.of("action")));
		});
	}

}
