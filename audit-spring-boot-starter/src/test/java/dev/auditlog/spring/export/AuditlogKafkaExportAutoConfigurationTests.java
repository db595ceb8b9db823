package dev.auditlog.spring.export;

import java.util.Map;

import javax.sql.DataSource;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditlogKafkaExportAutoConfiguration}.
 */
class AuditlogKafkaExportAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KafkaAutoConfiguration.class, AuditlogKafkaExportAutoConfiguration.class))
		.withUserConfiguration(ApplicationConfiguration.class)
		// no broker is asked anything: the relay's first run is an hour away
		.withPropertyValues("auditlog.export.kafka.poll-interval=1h");

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ExportRelay.class));
	}

	@Test
	void relayRunsWhenEnabledWithItsMetrics() {
		this.contextRunner.withPropertyValues("auditlog.export.kafka.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ExportRelay.class);
			assertThat(context.getBean(ExportRelay.class).isRunning()).isTrue();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find(MicrometerExportMetrics.LAG).gauge()).isNotNull();
			assertThat(meters.find(MicrometerExportMetrics.PUBLISHED).tag("stream", "entries").counter()).isNotNull();
			assertThat(meters.find(MicrometerExportMetrics.FAILED).tag("stream", "seals").counter()).isNotNull();
		});
	}

	@Test
	void isOffWithoutSpringForApacheKafka() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.withPropertyValues("auditlog.export.kafka.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ExportRelay.class));
	}

	@Test
	void isOffWhenTheAuditLogIs() {
		this.contextRunner.withPropertyValues("auditlog.export.kafka.enabled=true", "auditlog.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ExportRelay.class));
	}

	@Test
	void refusesToStartWithoutTheActuatorThatShapesTheRecords() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("auditlog.export.kafka.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAuditConfigurationException.class)
				.hasMessageContaining("spring-boot-starter-actuator"));
	}

	@Test
	void refusesBadSettingsNamingTheProperty() {
		for (String setting : new String[] { "batch-size=0", "poll-interval=0s", "send-timeout=-1s",
				"max-commit-delay=0s", "topic= " }) {
			String name = "auditlog.export.kafka." + setting.substring(0, setting.indexOf('='));
			this.contextRunner
				.withPropertyValues("auditlog.export.kafka.enabled=true", "auditlog.export.kafka." + setting)
				.run((context) -> assertThat(context).getFailure()
					.as(setting)
					.rootCause()
					.isInstanceOf(InvalidAuditConfigurationException.class)
					.hasMessageContaining(name));
		}
	}

	@Test
	void theRelaySendsTextKeysAndByteValuesWhateverTheApplicationsFactorySerializes() {
		this.contextRunner.withUserConfiguration(JsonProducerConfiguration.class)
			.withPropertyValues("auditlog.export.kafka.enabled=true")
			.run((context) -> {
				ProducerFactory<String, byte[]> relayFactory = context.getBean(ExportRelay.class).producerFactory();
				assertThat(relayFactory).isNotSameAs(context.getBean(ProducerFactory.class));
				assertThat(relayFactory.getKeySerializerSupplier().get()).isInstanceOf(StringSerializer.class);
				assertThat(relayFactory.getValueSerializerSupplier().get()).isInstanceOf(ByteArraySerializer.class);
				assertThat(relayFactory.transactionCapable()).isFalse();
				assertThat(relayFactory.getConfigurationProperties())
					.containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092");
			});
	}

	@Test
	void theRelaysProducerIsNotTransactionalWhenTheApplicationsIs() {
		this.contextRunner
			.withPropertyValues("auditlog.export.kafka.enabled=true", "spring.kafka.producer.transaction-id-prefix=tx-")
			.run((context) -> {
				assertThat(context.getBean(ProducerFactory.class).transactionCapable()).isTrue();
				assertThat(context.getBean(ExportRelay.class).producerFactory().transactionCapable()).isFalse();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class JsonProducerConfiguration {

		@Bean
		ProducerFactory<Object, Object> producerFactory() {
			return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092"),
					new JacksonJsonSerializer<>(), new JacksonJsonSerializer<>());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConfiguration {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

		@Bean
		AuditLog auditLog() {
			return Mockito.mock(AuditLog.class);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
