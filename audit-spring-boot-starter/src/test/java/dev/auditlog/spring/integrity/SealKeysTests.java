package dev.auditlog.spring.integrity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SealKeys}: HMAC-SHA256 and Ed25519 signatures, told apart by the key
 * id, verify across rotations; the public key alone verifies an Ed25519 seal.
 */
class SealKeysTests {

	private static final String SECRET = "a-test-key-that-is-long-enough-0123456789";

	@Test
	void ed25519KeyPairSignsAndThePublicKeyAloneVerifies() {
		Ed25519Pems pems = Ed25519Pems.generate();
		SealKeys keys = SealKeys.of("2025-07", null, pems.privateKey(), pems.publicKey(), Map.of(), Map.of());
		assertThat(keys.currentKeyId()).isEqualTo("ed25519:2025-07");
		String signature = keys.sign("form");
		assertThat(signature).matches("[0-9a-f]{128}");
		SealKeys publicOnly = SealKeys.verifying(Map.of("ed25519:2025-07", pems.publicKeyBase64()));
		assertThat(publicOnly.verify("ed25519:2025-07", "form", signature)).isTrue();
		assertThat(publicOnly.verify("ed25519:2025-07", "form2", signature)).isFalse();
		assertThat(publicOnly.verify("ed25519:other", "form", signature)).isFalse();
		assertThat(publicOnly.verify("ed25519:2025-07", "form", "zz")).isFalse();
		assertThat(publicOnly.verify("2025-07", "form", signature)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> publicOnly.sign("form"));
		assertThat(keys.toString()).doesNotContain(pems.publicKeyBase64().substring(20, 40));
	}

	@Test
	void rotationBetweenHmacAndEd25519KeysVerifiesBoth() {
		Ed25519Pems pems = Ed25519Pems.generate();
		SealKeys hmac = SealKeys.hmac("k1", SECRET, Map.of());
		SealKeys ed25519 = SealKeys.of("k2", null, pems.privateKey(), pems.publicKey(), Map.of("k1", SECRET), Map.of());
		SealKeys backToHmac = SealKeys.of("k3", SECRET + "-new", null, null, Map.of("k1", SECRET),
				Map.of("k2", pems.publicKey()));
		String first = hmac.sign("a");
		String second = ed25519.sign("b");
		String third = backToHmac.sign("c");
		assertThat(backToHmac.verify("k1", "a", first)).isTrue();
		assertThat(backToHmac.verify("ed25519:k2", "b", second)).isTrue();
		assertThat(backToHmac.verify("k3", "c", third)).isTrue();
		assertThat(ed25519.verify("k1", "a", first)).isTrue();
	}

	@Test
	void mismatchedOrBrokenKeysAreRefusedWithoutShowingThem() {
		Ed25519Pems one = Ed25519Pems.generate();
		Ed25519Pems other = Ed25519Pems.generate();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SealKeys.of("k", null, one.privateKey(), other.publicKey(), Map.of(), Map.of()))
			.withMessageContaining("do not belong together");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SealKeys.of("k", null, one.privateKey(), null, Map.of(), Map.of()))
			.withMessageContaining("both");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SealKeys.of("k", null, one.publicKey(), one.publicKey(), Map.of(), Map.of()))
			.withMessageContaining("PKCS#8")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(one.publicKeyBase64().substring(0, 20)));
		assertThatIllegalArgumentException().isThrownBy(() -> SealKeys.hmac("ed25519:k", SECRET, Map.of()))
			.withMessageContaining("must not start with");
	}

}
