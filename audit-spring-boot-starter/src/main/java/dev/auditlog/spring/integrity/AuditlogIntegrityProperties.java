package dev.auditlog.spring.integrity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of tamper evidence, under {@code auditlog.integrity}.
 *
 * @since 0.2.0
 */
@ConfigurationProperties("auditlog.integrity")
public class AuditlogIntegrityProperties {

	/**
	 * Whether to write each entry with its content hash, seal the entries with signed,
	 * chained seals, and offer their verification.
	 */
	private boolean enabled;

	/**
	 * Secret key that signs seals with HMAC-SHA256: at least 32 bytes of UTF-8. Keep it
	 * out of the database and of source control (an environment variable or a secret
	 * store); whoever holds it can forge seals.
	 */
	private @Nullable String hmacKey;

	/**
	 * Id of the signing key, stored with each seal. Give a new key a new id, and keep the
	 * old key under previous-hmac-keys so older seals still verify.
	 */
	private String keyId = "1";

	/**
	 * Earlier signing keys by key id, to verify the seals they signed.
	 */
	private Map<String, String> previousHmacKeys = new LinkedHashMap<>();

	/**
	 * Time between two runs of the seal job.
	 */
	private Duration sealInterval = Duration.ofMinutes(1);

	/**
	 * Longest time an entry may wait for a seal, which must exceed the longest
	 * transaction that writes entries. An older unsealed entry is not sealed and is
	 * reported as unsealed.
	 */
	private Duration maxSealDelay = Duration.ofHours(1);

	/**
	 * Largest number of entries one seal covers.
	 */
	private int maxEntriesPerSeal = 10_000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getHmacKey() {
		return this.hmacKey;
	}

	public void setHmacKey(@Nullable String hmacKey) {
		this.hmacKey = hmacKey;
	}

	public String getKeyId() {
		return this.keyId;
	}

	public void setKeyId(String keyId) {
		this.keyId = keyId;
	}

	public Map<String, String> getPreviousHmacKeys() {
		return this.previousHmacKeys;
	}

	public void setPreviousHmacKeys(Map<String, String> previousHmacKeys) {
		this.previousHmacKeys = previousHmacKeys;
	}

	public Duration getSealInterval() {
		return this.sealInterval;
	}

	public void setSealInterval(Duration sealInterval) {
		this.sealInterval = sealInterval;
	}

	public Duration getMaxSealDelay() {
		return this.maxSealDelay;
	}

	public void setMaxSealDelay(Duration maxSealDelay) {
		this.maxSealDelay = maxSealDelay;
	}

	public int getMaxEntriesPerSeal() {
		return this.maxEntriesPerSeal;
	}

	public void setMaxEntriesPerSeal(int maxEntriesPerSeal) {
		this.maxEntriesPerSeal = maxEntriesPerSeal;
	}

}
