package dev.auditlog.spring.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * A rule that recognises a suspicious request, such as one probing for path traversal.
 * Each request is given to the built-in rules selected by
 * {@code auditlog.events.suspicious-requests.rules} and to every bean of this type, in
 * order; the first finding is recorded as a {@code SUSPICIOUS_REQUEST} event. A rule runs
 * on the request thread before the application's filters and must be cheap and bounded:
 * the request it is given is already cut to at most
 * {@value InspectedRequest#MAX_INSPECTED_LENGTH} characters per part, and a rule should
 * not use regular expressions that can backtrack. A rule that throws is logged and
 * skipped; it never fails the request.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SuspiciousRequestRule {

	/**
	 * Inspect a request.
	 * @param request the request, cut and normalised
	 * @return what was found, or {@code null} when the request does not match
	 */
	@Nullable Finding inspect(InspectedRequest request);

	/**
	 * What a rule found in a request, recorded in the event's data as {@code rule} and
	 * {@code signature}.
	 *
	 * @param rule the rule's name, such as {@code sql-injection}
	 * @param signature what matched, such as {@code union select}; never the request's
	 * query string, which may carry secrets
	 */
	record Finding(String rule, String signature) {
	}

}
