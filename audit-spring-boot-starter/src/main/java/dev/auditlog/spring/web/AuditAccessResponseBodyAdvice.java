package dev.auditlog.spring.web;

import java.util.Optional;

import dev.auditlog.AuditLog;
import dev.auditlog.annotation.AuditAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Logs {@code ACCESS} for what a controller method annotated with {@link AuditAccess}
 * returns: the entity, or each entity of a returned collection or page ({@code Iterable},
 * so Spring Data's {@code Page} too), or of an {@code Optional}. Objects that are not
 * audited entities are ignored; a model whose {@code actions} leave out {@code ACCESS}
 * logs nothing.
 */
@ControllerAdvice
class AuditAccessResponseBodyAdvice implements ResponseBodyAdvice<Object> {

	private final AuditLog auditLog;

	AuditAccessResponseBodyAdvice(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return returnType.hasMethodAnnotation(AuditAccess.class);
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		logAccess(body);
		return body;
	}

	private void logAccess(@Nullable Object body) {
		if (body instanceof Optional<?> optional) {
			optional.ifPresent(this::logAccess);
		}
		else if (body instanceof Iterable<?> elements) {
			elements.forEach(this::logOne);
		}
		else {
			logOne(body);
		}
	}

	private void logOne(@Nullable Object element) {
		if (element != null) {
			try {
				this.auditLog.logAccess(element);
			}
			catch (IllegalArgumentException ex) {
				// not an audited entity: nothing to log
			}
		}
	}

}
