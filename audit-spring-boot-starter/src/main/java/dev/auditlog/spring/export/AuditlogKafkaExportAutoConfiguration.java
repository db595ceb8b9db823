package dev.auditlog.spring.export;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.auditlog.core.AuditJson;
import dev.auditlog.AuditLog;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.schema.AuditlogSchemaAutoConfiguration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.util.ClassUtils;

/**
 * Export of every committed entry, and every seal with {@code auditlog.integrity}, to
 * Kafka once {@code auditlog.export.kafka.enabled} is set and Spring for Apache Kafka is
 * on the class path. The relay sends through a producer of Spring Boot's
 * {@link ProducerFactory} ({@code spring.kafka.*}), with its own serializers: the key as
 * a string, the value as the JSON bytes.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = AuditlogSchemaAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"dev.auditlog.spring.hibernate.AuditlogHibernateAutoConfiguration",
				"dev.auditlog.spring.integrity.AuditlogIntegrityAutoConfiguration" })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditlog.export.kafka.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AuditlogKafkaExportProperties.class)
public final class AuditlogKafkaExportAutoConfiguration implements BeanClassLoaderAware {

	/** The class the record's JSON (the actuator endpoint's form of an entry) needs. */
	private static final String ACTUATOR = "org.springframework.boot.actuate.endpoint.OperationResponseBody";

	private @Nullable ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Bean
	ExportRelay auditlogExportRelay(DataSource dataSource, AuditLog auditLog, ProducerFactory<?, ?> producerFactory,
			AuditlogKafkaExportProperties properties, Environment environment, ObjectProvider<Clock> clock,
			BeanFactory beanFactory) throws SQLException {
		check(properties);
		if (!ClassUtils.isPresent(ACTUATOR, this.classLoader)) {
			throw new InvalidAuditConfigurationException("auditlog.export.kafka.enabled is set but Spring Boot's "
					+ "actuator is not on the class path: records hold each entry as the auditlog endpoint shows it; "
					+ "add org.springframework.boot:spring-boot-starter-actuator");
		}
		// a producer of the relay's own, from the application's producer settings
		// (spring.kafka.*, or its own ProducerFactory's configuration) with the relay's
		// serializers: serializer objects or a transaction id prefix set on the
		// application's factory are not the relay's
		Map<String, Object> configuration = new HashMap<>(producerFactory.getConfigurationProperties());
		configuration.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		// an unreachable broker fails a batch within the send timeout
		configuration.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock(properties.getSendTimeout(), producerFactory));
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(configuration,
				new StringSerializer(), new ByteArraySerializer());
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
		// a failed batch is logged once by the relay, not once per record
		template.setProducerListener(null);
		boolean seals = environment.getProperty("auditlog.integrity.enabled", Boolean.class, false);
		ExportMetrics metrics = ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", this.classLoader)
				? MicrometerExportMetrics.of(beanFactory, this.classLoader) : ExportMetrics.NONE;
		ExportRelay relay = new ExportRelay(dataSource, AuditDatabase.of(dataSource), auditLog, template,
				AuditJson.mapper(), clock.getIfAvailable(Clock::systemUTC), properties, seals, metrics);
		metrics.lag(relay);
		return relay;
	}

	/**
	 * Return how long one send may wait for the brokers' metadata: the producer's
	 * {@code max.block.ms}, at most the send timeout.
	 */
	private static long maxBlock(Duration sendTimeout, ProducerFactory<?, ?> producerFactory) {
		Object configured = producerFactory.getConfigurationProperties().get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
		long limit = sendTimeout.toMillis();
		if (configured != null) {
			try {
				return Math.min(limit, Long.parseLong(configured.toString()));
			}
			catch (NumberFormatException ex) {
				return limit;
			}
		}
		return limit;
	}

	private static void check(AuditlogKafkaExportProperties properties) {
		if (properties.getTopic().isBlank()) {
			throw new InvalidAuditConfigurationException("auditlog.export.kafka.topic must not be blank");
		}
		if (properties.getSealTopic().isBlank()) {
			throw new InvalidAuditConfigurationException("auditlog.export.kafka.seal-topic must not be blank");
		}
		if (properties.getBatchSize() < 1) {
			throw new InvalidAuditConfigurationException(
					"auditlog.export.kafka.batch-size must be at least 1 but was " + properties.getBatchSize());
		}
		positive("auditlog.export.kafka.poll-interval", properties.getPollInterval());
		positive("auditlog.export.kafka.send-timeout", properties.getSendTimeout());
		positive("auditlog.export.kafka.max-commit-delay", properties.getMaxCommitDelay());
	}

	private static void positive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidAuditConfigurationException(name + " must be positive but was " + value);
		}
	}

}
