package dev.auditlog.spring.integrity;

import java.time.Duration;
import java.time.Instant;
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

	/**
	 * End of a rolling deployment that turns integrity on: rows written without a content
	 * hash (by instances still running with integrity off) and recorded before this
	 * instant are sealed by their presence only, and not reported as inserted. Their
	 * content cannot be verified. Unset: every row without a hash among sealed rows is
	 * reported as inserted.
	 */
	private @Nullable Instant unhashedUntil;

	private final Ed25519 ed25519 = new Ed25519();

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

	public @Nullable Instant getUnhashedUntil() {
		return this.unhashedUntil;
	}

	public void setUnhashedUntil(@Nullable Instant unhashedUntil) {
		this.unhashedUntil = unhashedUntil;
	}

	public Ed25519 getEd25519() {
		return this.ed25519;
	}

	public int getMaxEntriesPerSeal() {
		return this.maxEntriesPerSeal;
	}

	public void setMaxEntriesPerSeal(int maxEntriesPerSeal) {
		this.maxEntriesPerSeal = maxEntriesPerSeal;
	}

	/**
	 * An Ed25519 key pair that signs seals instead of the HMAC key, so that verifying
	 * needs only the public key.
	 */
	public static class Ed25519 {

		/**
		 * Ed25519 private key that signs seals, as PKCS#8 PEM ("BEGIN PRIVATE KEY", as
		 * "openssl genpkey -algorithm ed25519" writes it). Keep it out of the database
		 * and of source control. With it, seals are signed with Ed25519 under the key id
		 * "ed25519:" followed by auditlog.integrity.key-id.
		 */
		private @Nullable String privateKey;

		/**
		 * Ed25519 public key of the private key, as X.509 PEM ("BEGIN PUBLIC KEY", as
		 * "openssl pkey -pubout" writes it). Verifying needs only it.
		 */
		private @Nullable String publicKey;

		/**
		 * Earlier Ed25519 public keys (X.509 PEM) by key id, to verify the seals they
		 * signed after a rotation.
		 */
		private Map<String, String> previousPublicKeys = new LinkedHashMap<>();

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable String getPublicKey() {
			return this.publicKey;
		}

		public void setPublicKey(@Nullable String publicKey) {
			this.publicKey = publicKey;
		}

		public Map<String, String> getPreviousPublicKeys() {
			return this.previousPublicKeys;
		}

		public void setPreviousPublicKeys(Map<String, String> previousPublicKeys) {
			this.previousPublicKeys = previousPublicKeys;
		}

	}

}
