package dev.auditlog.spring.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The HMAC-SHA256 keys of seals: the key that signs new seals, named by its id, and the
 * keys of earlier seals by their ids, so that seals signed before a key rotation still
 * verify. The key material is never shown by {@link #toString()}.
 */
public final class SealKeys {

	/** The fewest bytes a key must have (the size of the HMAC-SHA256 output). */
	public static final int MIN_KEY_BYTES = 32;

	private final String currentKeyId;

	private final Map<String, SecretKeySpec> keys;

	private SealKeys(String currentKeyId, Map<String, SecretKeySpec> keys) {
		this.currentKeyId = currentKeyId;
		this.keys = keys;
	}

	/**
	 * Return keys that sign with the given key and verify with it and the given earlier
	 * keys.
	 * @param keyId the id of the signing key, stored with each seal (1 to 64 characters)
	 * @param key the signing key: its UTF-8 bytes, at least {@value #MIN_KEY_BYTES}
	 * @param previousKeys earlier keys by id, to verify older seals
	 * @return the keys
	 * @throws IllegalArgumentException if a key id or key is unusable (the message never
	 * holds key material)
	 */
	public static SealKeys hmac(String keyId, String key, Map<String, String> previousKeys) {
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		previousKeys.forEach((id, material) -> keys.put(checkId(id), spec(id, material)));
		keys.put(checkId(keyId), spec(keyId, key));
		return new SealKeys(keyId, keys);
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

	/**
	 * Return the id of the key that signs new seals.
	 * @return the key id
	 */
	public String currentKeyId() {
		return this.currentKeyId;
	}

	/**
	 * Sign a seal's canonical form with the current key.
	 * @param form the canonical form
	 * @return the signature, 64 lower-case hexadecimal digits
	 */
	String sign(String form) {
		return sign(this.keys.get(this.currentKeyId), form);
	}

	/**
	 * Return whether a signature matches a canonical form with the key of the given id.
	 * @param keyId the key id stored with the seal
	 * @param form the canonical form
	 * @param signature the stored signature
	 * @return {@code false} for an unknown key id or a signature that does not match
	 */
	boolean verify(String keyId, String form, String signature) {
		SecretKeySpec key = this.keys.get(keyId);
		if (key == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(key, form).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static String sign(@Nullable SecretKeySpec key, String form) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(form.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA256", ex);
		}
	}

	@Override
	public String toString() {
		return "SealKeys[current=" + this.currentKeyId + ", ids=" + this.keys.keySet() + "]";
	}

}
