package dev.auditlog.spring.shapes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores text encrypted with AES-GCM under a fixed test key and a random 12-byte IV, as
 * Base64 of IV and ciphertext: the column value changes on every write of the same text.
 */
@Converter
public class AesGcmConverter implements AttributeConverter<String, String> {

	private static final SecretKeySpec KEY = new SecretKeySpec(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "AES");

	private static final SecureRandom random = new SecureRandom();

	@Override
	public String convertToDatabaseColumn(String attribute) {
		if (attribute == null) {
			return null;
		}
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(128, iv));
			byte[] encrypted = cipher.doFinal(attribute.getBytes(StandardCharsets.UTF_8));
			byte[] stored = Arrays.copyOf(iv, iv.length + encrypted.length);
			System.arraycopy(encrypted, 0, stored, iv.length, encrypted.length);
			return Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String convertToEntityAttribute(String column) {
		if (column == null) {
			return null;
		}
		try {
			byte[] stored = Base64.getDecoder().decode(column);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(128, stored, 0, 12));
			return new String(cipher.doFinal(stored, 12, stored.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
