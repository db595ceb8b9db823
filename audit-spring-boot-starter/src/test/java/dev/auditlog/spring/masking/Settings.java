package dev.auditlog.spring.masking;

/**
 * Settings of a payment, stored as one JSON document; {@code apiKey} is masked by
 * configuration ({@code mask-fields: settings.apiKey}).
 *
 * @param theme a plain value
 * @param apiKey a secret
 * @param retries a number
 */
public record Settings(String theme, String apiKey, int retries) {

}
