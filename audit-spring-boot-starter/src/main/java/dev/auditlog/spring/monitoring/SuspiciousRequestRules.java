package dev.auditlog.spring.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.auditlog.spring.InvalidAuditConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The built-in suspicious-request rules, after the request checks of
 * django-audit-library's {@code SecurityAuditMiddleware} and the attack classes of the
 * OWASP Top 10 (A01 path traversal, A03 injection). Each rule looks for fixed signatures
 * with {@link String#contains(CharSequence)} in the request's bounded, normalised form:
 * no regular expression, so the work per request is linear in its (cut) length.
 * <ul>
 * <li>{@code path-traversal}: {@code ../}, a path ending in {@code /..}, {@code ..;}, a
 * NUL character, and well-known targets such as {@code etc/passwd}, in the path or the
 * query, after decoding twice;</li>
 * <li>{@code sql-injection}: {@code union select}, quote-{@code or}/{@code and}
 * tautologies, time-based probes ({@code pg_sleep(}, {@code and sleep(},
 * {@code waitfor delay}, {@code benchmark(}), {@code information_schema},
 * {@code xp_cmdshell}, {@code into outfile}, stacked {@code drop table}, and a quote
 * followed by a comment ({@code '--});</li>
 * <li>{@code script-injection}: HTML tags that run script ({@code <script},
 * {@code <iframe}, {@code <svg}, {@code <img}, …), {@code javascript:} and event handler
 * attributes ({@code onerror=}, {@code onload=}, …), with whitespace removed first, and
 * {@code alert(}, {@code prompt(}, {@code document.cookie} as written;</li>
 * <li>{@code scanner-user-agent}: the user agents of known attack and scanning tools
 * (sqlmap, Nikto, Nmap, masscan, Nuclei, WPScan, …);</li>
 * <li>{@code long-url}: a path and query longer than
 * {@code auditlog.events.suspicious-requests.max-url-length} characters.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class SuspiciousRequestRules {

	/** Name of the path traversal rule. */
	public static final String PATH_TRAVERSAL = "path-traversal";

	/** Name of the SQL injection rule. */
	public static final String SQL_INJECTION = "sql-injection";

	/** Name of the script injection rule. */
	public static final String SCRIPT_INJECTION = "script-injection";

	/** Name of the scanner user agent rule. */
	public static final String SCANNER_USER_AGENT = "scanner-user-agent";

	/** Name of the long URL rule. */
	public static final String LONG_URL = "long-url";

	private static final List<String> PATH_TRAVERSAL_SIGNATURES = List.of("../", "..;", "\u0000", "etc/passwd",
			"etc/shadow", "proc/self/", "win.ini", "boot.ini", "web-inf/web.xml");

	private static final List<String> SQL_INJECTION_SIGNATURES = List.of("union select", "union all select",
			"union distinct select", "' or '", "' or 1", "'or'", "'or 1", "\" or 1", "' and '", "' and 1", " or 1=1",
			"'--", "' --", "';--", "'; --", "pg_sleep(", "and sleep(", "or sleep(", "; sleep(", ";sleep(", "'sleep(",
			"benchmark(", "waitfor delay", "information_schema", "xp_cmdshell", "into outfile", "load_file(",
			"; drop table", ";drop table");

	/** Matched with every space removed: tags and attributes that run script. */
	private static final List<String> SCRIPT_INJECTION_SIGNATURES = List.of("<script", "</script", "<iframe", "<svg",
			"<img", "<object", "<embed", "<body", "javascript:", "vbscript:", "onerror=", "onload=", "onmouseover=",
			"onfocus=", "onclick=", "srcdoc=");

	/**
	 * Matched with spaces kept: calls that are words of ordinary text when written with a
	 * space ({@code weather alert (storm)}).
	 */
	private static final List<String> SCRIPT_CALL_SIGNATURES = List.of("document.cookie", "alert(", "prompt(");

	private static final List<String> SCANNER_SIGNATURES = List.of("sqlmap", "nikto", "nmap", "masscan", "nuclei",
			"wpscan", "dirbuster", "gobuster", "feroxbuster", "ffuf", "acunetix", "nessus", "openvas", "zgrab", "w3af",
			"havij", "netsparker", "appscan", "commix", "whatweb", "jaeles", "arachni", "skipfish");

	private SuspiciousRequestRules() {
	}

	/**
	 * Return the built-in rules of the given names, in the order of the names.
	 * @param names rule names, such as {@value #SQL_INJECTION}; case does not matter
	 * @param maxUrlLength the number of characters of path and query above which
	 * {@value #LONG_URL} matches (at least 1)
	 * @return the rules
	 * @throws InvalidAuditConfigurationException when a name is not that of a built-in
	 * rule, or the length is not positive
	 */
	public static List<SuspiciousRequestRule> named(Collection<String> names, int maxUrlLength) {
		if (maxUrlLength < 1) {
			throw new InvalidAuditConfigurationException(
					"auditlog.events.suspicious-requests.max-url-length must be at least 1, not " + maxUrlLength);
		}
		Map<String, SuspiciousRequestRule> builtIn = Map.of(PATH_TRAVERSAL, pathTraversal(), SQL_INJECTION,
				signatures(SQL_INJECTION, SQL_INJECTION_SIGNATURES, InspectedRequest::normalizedUrl), SCRIPT_INJECTION,
				scriptInjection(), SCANNER_USER_AGENT,
				signatures(SCANNER_USER_AGENT, SCANNER_SIGNATURES, SuspiciousRequestRules::userAgent), LONG_URL,
				longUrl(maxUrlLength));
		List<SuspiciousRequestRule> rules = new ArrayList<>();
		for (String name : names) {
			SuspiciousRequestRule rule = builtIn.get(name.trim().toLowerCase(Locale.ROOT));
			if (rule == null) {
				throw new InvalidAuditConfigurationException("auditlog.events.suspicious-requests.rules names '" + name
						+ "', which is no built-in rule; the built-in rules are " + String.join(", ", List
							.of(PATH_TRAVERSAL, SQL_INJECTION, SCRIPT_INJECTION, SCANNER_USER_AGENT, LONG_URL)));
			}
			rules.add(rule);
		}
		return rules;
	}

	private static SuspiciousRequestRule pathTraversal() {
		SuspiciousRequestRule signatures = signatures(PATH_TRAVERSAL, PATH_TRAVERSAL_SIGNATURES,
				InspectedRequest::normalizedUrl);
		return (request) -> {
			SuspiciousRequestRule.Finding found = signatures.inspect(request);
			if (found != null) {
				return found;
			}
			String url = request.normalizedUrl();
			int query = url.indexOf('?');
			String path = (query < 0) ? url : url.substring(0, query);
			return (path.endsWith("/..") || path.equals(".."))
					? new SuspiciousRequestRule.Finding(PATH_TRAVERSAL, "/..") : null;
		};
	}

	private static SuspiciousRequestRule scriptInjection() {
		SuspiciousRequestRule tags = signatures(SCRIPT_INJECTION, SCRIPT_INJECTION_SIGNATURES,
				SuspiciousRequestRules::withoutSpaces);
		SuspiciousRequestRule calls = signatures(SCRIPT_INJECTION, SCRIPT_CALL_SIGNATURES,
				InspectedRequest::normalizedUrl);
		return (request) -> {
			SuspiciousRequestRule.Finding found = tags.inspect(request);
			return (found != null) ? found : calls.inspect(request);
		};
	}

	private static SuspiciousRequestRule longUrl(int maxUrlLength) {
		return (request) -> (request.urlLength() > maxUrlLength)
				? new SuspiciousRequestRule.Finding(LONG_URL, "longer than " + maxUrlLength + " characters") : null;
	}

	private static SuspiciousRequestRule signatures(String rule, List<String> signatures,
			Function<InspectedRequest, String> text) {
		return (request) -> {
			String inspected = text.apply(request);
			for (String signature : signatures) {
				if (inspected.contains(signature)) {
					return new SuspiciousRequestRule.Finding(rule, signature.replace("\u0000", "NUL"));
				}
			}
			return null;
		};
	}

	private static String withoutSpaces(InspectedRequest request) {
		return request.normalizedUrl().replace(" ", "");
	}

	private static String userAgent(InspectedRequest request) {
		@Nullable String userAgent = request.userAgent();
		return (userAgent != null) ? userAgent.toLowerCase(Locale.ROOT) : "";
	}

}
