package dev.auditlog.spring.monitoring;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.core.ClientAddress;
import dev.auditlog.spring.events.AuditEventStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request to the suspicious-request rules before the application sees it and
 * records the first finding as a {@code SUSPICIOUS_REQUEST} event, with the rule, the
 * signature that matched, the method and the path — never the query string, which may
 * carry secrets. The request itself always goes on: monitoring records, it does not
 * refuse. At most {@code max-events-per-minute} events are recorded per client address
 * and minute; the next recorded one says how many were suppressed. Neither a failing rule
 * nor a failing write fails the request.
 */
class SuspiciousRequestFilter extends OncePerRequestFilter {

	static final String SUSPICIOUS_REQUEST = "SUSPICIOUS_REQUEST";

	private static final Logger logger = LoggerFactory.getLogger(SuspiciousRequestFilter.class);

	private static final int RECORDED_PATH_LENGTH = 512;

	private final List<SuspiciousRequestRule> rules;

	private final AuditEventStore store;

	private final EventBudget budget;

	SuspiciousRequestFilter(List<SuspiciousRequestRule> rules, AuditEventStore store, EventBudget budget) {
		this.rules = List.copyOf(rules);
		this.store = store;
		this.budget = budget;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		inspect(request);
		chain.doFilter(request, response);
	}

	private void inspect(HttpServletRequest request) {
		InspectedRequest inspected = new InspectedRequest(request.getMethod(), request.getRequestURI(),
				request.getQueryString(), request.getHeader(HttpHeaders.USER_AGENT));
		for (SuspiciousRequestRule rule : this.rules) {
			SuspiciousRequestRule.Finding finding;
			try {
				finding = rule.inspect(inspected);
			}
			catch (RuntimeException ex) {
				logger.warn("Suspicious-request rule {} failed; it is skipped for this request", rule, ex);
				continue;
			}
			if (finding != null) {
				record(request, inspected, finding);
				return;
			}
		}
	}

	private void record(HttpServletRequest request, InspectedRequest inspected, SuspiciousRequestRule.Finding finding) {
		String address = clientAddress(request);
		int suppressed = this.budget.take((address != null) ? address : "unknown");
		if (suppressed == EventBudget.SPENT) {
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("rule", finding.rule());
		data.put("signature", finding.signature());
		data.put("method", inspected.method());
		String path = inspected.path();
		data.put("path", (path.length() > RECORDED_PATH_LENGTH) ? path.substring(0, RECORDED_PATH_LENGTH) : path);
		if (SuspiciousRequestRules.SCANNER_USER_AGENT.equals(finding.rule()) && inspected.userAgent() != null) {
			data.put("userAgent", inspected.userAgent());
		}
		if (SuspiciousRequestRules.LONG_URL.equals(finding.rule())) {
			data.put("urlLength", inspected.urlLength());
		}
		if (suppressed > 0) {
			data.put("suppressed", suppressed);
		}
		try {
			this.store.record(null, SUSPICIOUS_REQUEST, data);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record a {} event", SUSPICIOUS_REQUEST, ex);
		}
	}

	/**
	 * The address the audit context holds for the request, or the servlet request's own
	 * when the request filter is off.
	 */
	static @Nullable String clientAddress(HttpServletRequest request) {
		String bound = AuditContext.remoteAddr();
		return (bound != null) ? bound : ClientAddress.normalize(request.getRemoteAddr());
	}

}
