package dev.auditlog.spring.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The keys of seals: the key that signs new seals, named by its id, and the keys of
 * earlier seals by their ids, so that seals signed before a key rotation still verify.
 * Two algorithms are supported, told apart by the key id:
 * <ul>
 * <li>HMAC-SHA256 with a shared secret (the default): signatures of 64 hexadecimal
 * digits; whoever verifies holds the secret, and could forge seals.</li>
 * <li>Ed25519 (RFC 8032, the JDK's {@code Signature} "Ed25519") when a key pair is
 * configured: key ids start with {@value #ED25519_PREFIX}, signatures have 128
 * hexadecimal digits, and the public key is enough to verify.</li>
 * </ul>
 * The key material is never shown by {@link #toString()} nor in a message.
 */
public final class SealKeys {

	/** The fewest bytes an HMAC key must have (the size of the HMAC-SHA256 output). */
	public static final int MIN_KEY_BYTES = 32;

	/** How the id of an Ed25519 key starts. */
	public static final String ED25519_PREFIX = "ed25519:";

	private final @Nullable String currentKeyId;

	private final @Nullable PrivateKey signingKey;

	private final Map<String, SecretKeySpec> secrets;

	private final Map<String, PublicKey> publicKeys;

	private SealKeys(@Nullable String currentKeyId, @Nullable PrivateKey signingKey, Map<String, SecretKeySpec> secrets,
			Map<String, PublicKey> publicKeys) {
		this.currentKeyId = currentKeyId;
		this.signingKey = signingKey;
		this.secrets = secrets;
		this.publicKeys = publicKeys;
	}

	/**
	 * Return keys that sign with the given HMAC key and verify with it and the given
	 * earlier keys.
	 * @param keyId the id of the signing key, stored with each seal (1 to 64 characters,
	 * not starting with {@value #ED25519_PREFIX})
	 * @param key the signing key: its UTF-8 bytes, at least {@value #MIN_KEY_BYTES}
	 * @param previousKeys earlier HMAC keys by id, to verify older seals
	 * @return the keys
	 * @throws IllegalArgumentException if a key id or key is unusable (the message never
	 * holds key material)
	 */
	public static SealKeys hmac(String keyId, String key, Map<String, String> previousKeys) {
		return of(keyId, key, null, null, previousKeys, Map.of());
	}

	/**
	 * Return keys that sign with an HMAC key or an Ed25519 key pair, and verify with them
	 * and earlier keys of both kinds.
	 * @param keyId the id of the signing key (1 to 64 characters with the prefix); with
	 * an Ed25519 key pair, {@value #ED25519_PREFIX} is put before it unless it starts
	 * with it
	 * @param hmacKey the HMAC signing key, used when no Ed25519 key pair is given;
	 * {@code null} otherwise
	 * @param ed25519PrivateKey the Ed25519 private key as PKCS#8 PEM, or {@code null}
	 * @param ed25519PublicKey the matching public key as X.509 PEM, or {@code null}
	 * @param previousHmacKeys earlier HMAC keys by id
	 * @param previousPublicKeys earlier Ed25519 public keys (X.509 PEM) by id, with or
	 * without the prefix
	 * @return the keys
	 * @throws IllegalArgumentException if a key id or key is missing, unusable, or the
	 * two Ed25519 keys do not belong together (the message never holds key material)
	 */
	public static SealKeys of(String keyId, @Nullable String hmacKey, @Nullable String ed25519PrivateKey,
			@Nullable String ed25519PublicKey, Map<String, String> previousHmacKeys,
			Map<String, String> previousPublicKeys) {
		Map<String, SecretKeySpec> secrets = new LinkedHashMap<>();
		Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
		previousHmacKeys.forEach((id, material) -> secrets.put(checkHmacId(id), spec(id, material)));
		previousPublicKeys.forEach((id, pem) -> {
			String full = ed25519Id(id);
			publicKeys.put(full, publicKey(full, pem));
		});
		if (ed25519PrivateKey != null || ed25519PublicKey != null) {
			Assert.isTrue(ed25519PrivateKey != null && ed25519PublicKey != null,
					"An Ed25519 key pair needs both its private key and its public key");
			String id = ed25519Id(keyId);
			PrivateKey privateKey = privateKey(id, ed25519PrivateKey);
			PublicKey publicKey = publicKey(id, ed25519PublicKey);
			publicKeys.put(id, publicKey);
			SealKeys keys = new SealKeys(id, privateKey, secrets, publicKeys);
			Assert.isTrue(keys.verify(id, "probe", keys.sign("probe")),
					() -> "The Ed25519 private and public keys of '" + id + "' do not belong together");
			return keys;
		}
		Assert.isTrue(hmacKey != null, () -> "The key '" + keyId + "' is missing");
		secrets.put(checkHmacId(keyId), spec(keyId, hmacKey));
		return new SealKeys(keyId, null, secrets, publicKeys);
	}

	/**
	 * Return keys that only verify: HMAC secrets by id, and Ed25519 public keys by ids
	 * starting with {@value #ED25519_PREFIX}.
	 * @param keys the key material by key id: an HMAC secret, or for an Ed25519 id the
	 * X.509 public key as PEM or as the Base64 of its DER bytes
	 * @return the keys, which cannot sign
	 * @throws IllegalArgumentException if a key id or key is unusable
	 */
	public static SealKeys verifying(Map<String, String> keys) {
		Map<String, SecretKeySpec> secrets = new LinkedHashMap<>();
		Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
		keys.forEach((id, material) -> {
			if (id.startsWith(ED25519_PREFIX)) {
				publicKeys.put(checkId(id), publicKey(id, material));
			}
			else {
				secrets.put(checkHmacId(id), spec(id, material));
			}
		});
		return new SealKeys(null, null, secrets, publicKeys);
	}

	private static String ed25519Id(String keyId) {
		return checkId(keyId.startsWith(ED25519_PREFIX) ? keyId : ED25519_PREFIX + keyId);
	}

	private static String checkHmacId(String keyId) {
		Assert.isTrue(!keyId.startsWith(ED25519_PREFIX),
				() -> "The id of an HMAC key must not start with '" + ED25519_PREFIX + "' but was '" + keyId + "'");
		return checkId(keyId);
	}

	private static String checkId(String keyId) {
		Assert.isTrue(!keyId.isBlank() && keyId.length() <= 64,
				() -> "A key id must have 1 to 64 characters but was '" + keyId + "'");
		return keyId;
	}

	private static SecretKeySpec spec(String keyId, String key) {
		byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
		Assert.isTrue(bytes.length >= MIN_KEY_BYTES,
				() -> "The key '" + keyId + "' must have at least " + MIN_KEY_BYTES + " bytes but has " + bytes.length);
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	private static PrivateKey privateKey(String keyId, String pem) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(keyId, pem)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					"The private key of '" + keyId + "' is not an Ed25519 key in PKCS#8 PEM (BEGIN PRIVATE KEY)");
		}
	}

	private static PublicKey publicKey(String keyId, String pem) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(keyId, pem)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					"The public key of '" + keyId + "' is not an Ed25519 key in X.509 PEM (BEGIN PUBLIC KEY)");
		}
	}

	/** Return the DER bytes of a PEM text, or of the Base64 of them alone. */
	private static byte[] der(String keyId, String pem) {
		StringBuilder base64 = new StringBuilder();
		for (String line : pem.strip().split("\\R")) {
			String trimmed = line.strip();
			if (!trimmed.startsWith("-----")) {
				base64.append(trimmed);
			}
		}
		try {
			return Base64.getMimeDecoder().decode(base64.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The key of '" + keyId + "' is not PEM");
		}
	}

	/**
	 * Return the id of the key that signs new seals.
	 * @return the key id; for an Ed25519 key, starting with {@value #ED25519_PREFIX}
	 * @throws IllegalStateException if these keys only verify
	 */
	public String currentKeyId() {
		if (this.currentKeyId == null) {
			throw new IllegalStateException("These seal keys only verify");
		}
		return this.currentKeyId;
	}

	/**
	 * Sign a seal's canonical form with the current key.
	 * @param form the canonical form
	 * @return the signature, 64 (HMAC-SHA256) or 128 (Ed25519) lower-case hexadecimal
	 * digits
	 * @throws IllegalStateException if these keys only verify
	 */
	String sign(String form) {
		String keyId = currentKeyId();
		byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
		if (this.signingKey != null) {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(this.signingKey);
				signature.update(bytes);
				return HexFormat.of().formatHex(signature.sign());
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Could not sign with the Ed25519 key '" + keyId + "'", ex);
			}
		}
		return hmac(this.secrets.get(keyId), bytes);
	}

	/**
	 * Return whether a signature matches a canonical form with the key of the given id.
	 * @param keyId the key id stored with the seal
	 * @param form the canonical form
	 * @param signature the stored signature
	 * @return {@code false} for an unknown key id or a signature that does not match
	 */
	boolean verify(String keyId, String form, String signature) {
		byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
		if (keyId.startsWith(ED25519_PREFIX)) {
			PublicKey key = this.publicKeys.get(keyId);
			if (key == null) {
				return false;
			}
			try {
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(key);
				verifier.update(bytes);
				return verifier.verify(HexFormat.of().parseHex(signature));
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				return false;
			}
		}
		SecretKeySpec key = this.secrets.get(keyId);
		if (key == null) {
			return false;
		}
		return MessageDigest.isEqual(hmac(key, bytes).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(@Nullable SecretKeySpec key, byte[] bytes) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

	@Override
	public String toString() {
		return "SealKeys[current=" + this.currentKeyId + ", hmac=" + this.secrets.keySet() + ", ed25519="
				+ this.publicKeys.keySet() + "]";
	}

}
