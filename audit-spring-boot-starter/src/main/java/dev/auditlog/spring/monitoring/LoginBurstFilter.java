package dev.auditlog.spring.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the sign-in attempts of a client address or a username in a login burst with
 * {@code 429 Too Many Requests} and a {@code Retry-After} header until its cool-down
 * ends, before Spring Security checks any credential. A sign-in attempt is a request
 * carrying an {@code Authorization} header, or a {@code POST} to one of the login paths;
 * its username is that of HTTP Basic credentials or the form's username parameter. Other
 * requests, and every request of an address and user not in a burst, go on untouched.
 */
class LoginBurstFilter extends OncePerRequestFilter {

	private final LoginFailureTracker tracker;

	private final Set<String> loginPaths;

	private final String usernameParameter;

	private final Clock clock;

	LoginBurstFilter(LoginFailureTracker tracker, Set<String> loginPaths, String usernameParameter, Clock clock) {
		this.clock = clock;
		this.tracker = tracker;
		this.loginPaths = Set.copyOf(loginPaths);
		this.usernameParameter = usernameParameter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean formLogin = "POST".equals(request.getMethod()) && this.loginPaths.contains(pathOf(request));
		if (authorization != null || formLogin) {
			String username = formLogin ? request.getParameter(this.usernameParameter) : basicUsername(authorization);
			Instant until = this.tracker.refusedUntil(SuspiciousRequestFilter.clientAddress(request), username);
			if (until != null) {
				refuse(response, until);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (!context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
	}

	/**
	 * The username of HTTP Basic credentials (RFC 7617), or {@code null} for another
	 * scheme or a malformed header.
	 */
	static @Nullable String basicUsername(@Nullable String authorization) {
		if (authorization == null || authorization.length() < 6
				|| !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			return (colon > 0) ? credentials.substring(0, colon) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void refuse(HttpServletResponse response, Instant until) throws IOException {
		long seconds = Math.max(1, Duration.between(this.clock.instant(), until).toSeconds() + 1);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("Too many failed sign-ins from this address or for this user; try again in " + seconds
					+ " seconds.");
	}

}
