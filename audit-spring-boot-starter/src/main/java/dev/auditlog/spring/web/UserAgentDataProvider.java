package dev.auditlog.spring.web;

import java.util.Map;

import dev.auditlog.core.Action;
import dev.auditlog.spring.AdditionalDataProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Adds the {@code User-Agent} of the current request to the additional data of entries,
 * as {@code userAgent}, cut to 255 characters.
 */
class UserAgentDataProvider implements AdditionalDataProvider {

	@Override
	public @Nullable Map<String, @Nullable Object> additionalData(Object entity, Action action) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		if (userAgent == null) {
			return null;
		}
		return Map.of("userAgent", (userAgent.length() > 255) ? userAgent.substring(0, 255) : userAgent);
	}

}
