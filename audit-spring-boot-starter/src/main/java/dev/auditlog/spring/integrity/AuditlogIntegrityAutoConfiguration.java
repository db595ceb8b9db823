package dev.auditlog.spring.integrity;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import dev.auditlog.spring.InvalidAuditConfigurationException;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.schema.AuditlogSchemaAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Tamper evidence once {@code auditlog.integrity.enabled} is set: entries are written
 * with their content hash, a job seals them, and {@code AuditLog.verify} checks them.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = AuditlogSchemaAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "auditlog.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditlog.integrity.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AuditlogIntegrityProperties.class)
public final class AuditlogIntegrityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SealKeys auditlogSealKeys(AuditlogIntegrityProperties properties) {
		String key = properties.getHmacKey();
		AuditlogIntegrityProperties.Ed25519 ed25519 = properties.getEd25519();
		boolean pair = ed25519.getPrivateKey() != null || ed25519.getPublicKey() != null;
		if (!pair && (key == null || key.isBlank())) {
			throw new InvalidAuditConfigurationException(
					"auditlog.integrity.enabled is set but neither auditlog.integrity.hmac-key nor "
							+ "auditlog.integrity.ed25519.private-key and public-key are: seals need a secret key of at "
							+ "least " + SealKeys.MIN_KEY_BYTES + " bytes or an Ed25519 key pair");
		}
		try {
			return SealKeys.of(properties.getKeyId(), key, ed25519.getPrivateKey(), ed25519.getPublicKey(),
					properties.getPreviousHmacKeys(), ed25519.getPreviousPublicKeys());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuditConfigurationException("auditlog.integrity: " + ex.getMessage());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	IntegrityVerifier auditlogIntegrityVerifier(DataSource dataSource, SealKeys keys,
			AuditlogIntegrityProperties properties, ObjectProvider<Clock> clock) {
		return new IntegrityVerifier(dataSource, keys, clock.getIfAvailable(Clock::systemUTC),
				properties.getMaxSealDelay(), properties.getUnhashedUntil());
	}

	@Bean
	LogEntrySealer auditlogSealer(DataSource dataSource, SealKeys keys, AuditlogIntegrityProperties properties,
			ObjectProvider<Clock> clock, ApplicationEventPublisher events) throws SQLException {
		if (properties.getSealInterval().isNegative() || properties.getSealInterval().isZero()) {
			throw new InvalidAuditConfigurationException(
					"auditlog.integrity.seal-interval must be positive but was " + properties.getSealInterval());
		}
		if (properties.getMaxEntriesPerSeal() < 1) {
			throw new InvalidAuditConfigurationException(
					"auditlog.integrity.max-entries-per-seal must be at least 1 but was "
							+ properties.getMaxEntriesPerSeal());
		}
		LogEntrySealer sealer = new LogEntrySealer(dataSource, AuditDatabase.of(dataSource), keys,
				clock.getIfAvailable(Clock::systemUTC), properties.getSealInterval(), properties.getMaxSealDelay(),
				properties.getMaxEntriesPerSeal(), events);
		sealer.sealUnhashedUntil(properties.getUnhashedUntil());
		return sealer;
	}

}
