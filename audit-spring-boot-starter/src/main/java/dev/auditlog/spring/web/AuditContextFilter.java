package dev.auditlog.spring.web;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.auditlog.core.AuditContext;
import dev.auditlog.core.ClientAddress;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the client address and the correlation id of each request to the audit context
 * for the whole request, and clears them when it ends. The address is the servlet
 * request's, so that it honours {@code server.forward-headers-strategy}; a raw
 * {@code X-Forwarded-For} header is never read here. It is
 * {@linkplain ClientAddress#normalize(String) normalised} (no port, no brackets, one
 * spelling per address), and left out when what the request reports is no IP address. The
 * correlation id comes from the configured header (or {@link CorrelationIdProvider}) when
 * it is safe — at most 255 of the characters {@code A-Z a-z 0-9 - _ . :}; otherwise it is
 * the id of the current trace when a trace id source is given (Micrometer Tracing), so
 * that an entry leads to its trace, and a random UUID otherwise. The response carries it
 * back.
 * <p>
 * The error page dispatch of a failed request ({@code /error}) is bound to the same
 * correlation id and address as the request itself, so that what it records belongs to
 * the request that failed.
 *
 * @since 0.1.0
 */
public class AuditContextFilter extends OncePerRequestFilter {

	private static final String CID_ATTRIBUTE = AuditContextFilter.class.getName() + ".cid";

	private static final String REMOTE_ADDR_ATTRIBUTE = AuditContextFilter.class.getName() + ".remoteAddr";

	private static final Pattern SAFE_CID = Pattern.compile("[A-Za-z0-9\\-_.:]{1,255}");

	private final String header;

	private final @Nullable CorrelationIdProvider provider;

	private final boolean recordRemoteAddr;

	private final Supplier<@Nullable String> traceId;

	/**
	 * Create a filter.
	 * @param header the request and response header of the correlation id
	 * @param provider supplies the correlation id instead of the header, or {@code null}
	 * @param recordRemoteAddr whether to record the client address
	 */
	public AuditContextFilter(String header, @Nullable CorrelationIdProvider provider, boolean recordRemoteAddr) {
		this(header, provider, recordRemoteAddr, () -> null);
	}

	/**
	 * Create a filter whose correlation id defaults to the current trace id.
	 * @param header the request and response header of the correlation id
	 * @param provider supplies the correlation id instead of the header, or {@code null}
	 * @param recordRemoteAddr whether to record the client address
	 * @param traceId supplies the id of the current trace, or {@code null} outside a
	 * trace; used when the header or the provider gives no safe correlation id
	 * @since 0.1.0
	 */
	public AuditContextFilter(String header, @Nullable CorrelationIdProvider provider, boolean recordRemoteAddr,
			Supplier<@Nullable String> traceId) {
		this.header = header;
		this.provider = provider;
		this.recordRemoteAddr = recordRemoteAddr;
		this.traceId = traceId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(CID_ATTRIBUTE) instanceof String;
		String cid = errorDispatch ? (String) request.getAttribute(CID_ATTRIBUTE) : correlationIdOf(request);
		if (!response.isCommitted()) {
			response.setHeader(this.header, cid);
		}
		AuditContext.Snapshot outer = AuditContext.capture();
		String remoteAddr = errorDispatch ? (String) request.getAttribute(REMOTE_ADDR_ATTRIBUTE)
				: this.recordRemoteAddr ? ClientAddress.normalize(request.getRemoteAddr()) : null;
		request.setAttribute(CID_ATTRIBUTE, cid);
		request.setAttribute(REMOTE_ADDR_ATTRIBUTE, remoteAddr);
		AuditContext.Snapshot inRequest = new AuditContext.Snapshot(outer.actor(), cid, remoteAddr, outer.disabled());
		try (AuditContext.Scope scope = AuditContext.open(inRequest)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Bind the error page dispatch too, to the correlation id and address of the request
	 * that failed.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private String correlationIdOf(HttpServletRequest request) {
		String cid = (this.provider != null) ? this.provider.correlationId(request) : request.getHeader(this.header);
		if (cid != null && SAFE_CID.matcher(cid).matches()) {
			return cid;
		}
		String traceId = this.traceId.get();
		return (traceId != null && SAFE_CID.matcher(traceId).matches()) ? traceId : UUID.randomUUID().toString();
	}

}
