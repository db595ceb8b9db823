package dev.auditlog.spring.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.auditlog.spring.ActorResolution;
import dev.auditlog.spring.events.AuditEventStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records a {@code REQUEST_ERROR} event for a request that ends in an uncaught exception
 * or a 5xx status, and a {@code SLOW_REQUEST} event for one that takes longer than the
 * threshold, in {@code auditlog_event}, with the actor, client address and correlation
 * id. Recording never fails the request.
 * <p>
 * One request records at most one event: when a failure is forwarded to the error page
 * ({@link DispatcherType#ERROR}), that dispatch records nothing if the original request
 * already did, and otherwise records the failure under the original request's path, with
 * the correlation id and address that {@link AuditContextFilter} binds again for it.
 */
class RequestEventsInterceptor implements HandlerInterceptor {

	static final String REQUEST_ERROR = "REQUEST_ERROR";

	static final String SLOW_REQUEST = "SLOW_REQUEST";

	private static final String STARTED = RequestEventsInterceptor.class.getName() + ".started";

	private static final String RECORDED = RequestEventsInterceptor.class.getName() + ".recorded";

	private static final Logger logger = LoggerFactory.getLogger(RequestEventsInterceptor.class);

	private final AuditEventStore store;

	private final ActorResolution actorResolution;

	private final boolean requestErrors;

	private final @Nullable Duration slowRequestThreshold;

	RequestEventsInterceptor(AuditEventStore store, ActorResolution actorResolution, boolean requestErrors,
			@Nullable Duration slowRequestThreshold) {
		this.store = store;
		this.actorResolution = actorResolution;
		this.requestErrors = requestErrors;
		this.slowRequestThreshold = slowRequestThreshold;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.ERROR || request.getAttribute(STARTED) == null) {
			request.setAttribute(STARTED, System.nanoTime());
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (!(request.getAttribute(STARTED) instanceof Long started) || request.getAttribute(RECORDED) != null) {
			return;
		}
		boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR;
		Throwable failure = ex;
		if (failure == null && errorDispatch
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable original) {
			failure = original;
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - started);
		boolean failed = failure != null || response.getStatus() >= 500;
		boolean slow = this.slowRequestThreshold != null && duration.compareTo(this.slowRequestThreshold) > 0;
		if ((failed && this.requestErrors) || slow) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("method", request.getMethod());
			data.put("path",
					(errorDispatch
							&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String originalPath)
									? originalPath : request.getRequestURI());
			data.put("status", (failure != null && response.getStatus() < 500) ? 500 : response.getStatus());
			data.put("durationMs", duration.toMillis());
			if (failure != null) {
				data.put("exception", failure.getClass().getName());
			}
			request.setAttribute(RECORDED, Boolean.TRUE);
			record((failed && this.requestErrors) ? REQUEST_ERROR : SLOW_REQUEST, data);
		}
	}

	private void record(String type, Map<String, Object> data) {
		try {
			this.store.record(this.actorResolution.currentActor(), type, data);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record a {} event", type, ex);
		}
	}

}
