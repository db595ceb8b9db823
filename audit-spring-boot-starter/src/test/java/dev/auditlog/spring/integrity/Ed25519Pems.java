package dev.auditlog.spring.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * An Ed25519 key pair made for a test, as PEM texts like those of {@code openssl genpkey
 * -algorithm ed25519} and {@code openssl pkey -pubout}.
 *
 * @param privateKey PKCS#8 PEM
 * @param publicKey X.509 PEM
 */
record Ed25519Pems(String privateKey, String publicKey) {

	static Ed25519Pems generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new Ed25519Pems(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
					pem("PUBLIC KEY", pair.getPublic().getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	/** The Base64 of the public key's DER bytes on one line: the body of its PEM. */
	String publicKeyBase64() {
		return this.publicKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
	}

}
