package dev.auditlog.spring.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the browsing page: its HTML at the configured path, with the paths of the
 * endpoints it reads filled in, and its styles and scripts from
 * {@value #LOCATION}{@code assets/} below it. Every response carries a
 * Content-Security-Policy that allows scripts, styles and requests from the application's
 * own origin only: no inline script or style, no other origin.
 */
final class AuditlogPage {

	/** Where the page's files are kept in the jar. */
	static final String LOCATION = "dev/auditlog/ui/";

	/**
	 * The policy of every response of the page: the page's own files and the endpoints on
	 * the same origin, nothing inline, not framed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	private static final EndpointId AUDITLOG = EndpointId.of("auditlog");

	private static final EndpointId AUDITEVENTS = EndpointId.of("auditevents");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final String path;

	private final PathMappedEndpoints endpoints;

	private final String template;

	AuditlogPage(String path, PathMappedEndpoints endpoints) {
		this.path = path;
		this.endpoints = endpoints;
		this.template = read(new ClassPathResource(LOCATION + "index.html"));
	}

	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET(this.path, this::page)
			.GET(this.path + "/", this::page)
			.resources(this.path + "/assets/**", new ClassPathResource(LOCATION + "assets/"), AuditlogPage::headers)
			.build();
	}

	private ServerResponse page(ServerRequest request) {
		String auditlog = this.endpoints.getPath(AUDITLOG);
		if (auditlog == null) {
			return ServerResponse.notFound().build();
		}
		String contextPath = request.requestPath().contextPath().value();
		String html = this.template.replace("{{base}}", attribute(contextPath + this.path))
			.replace("{{endpoint}}", attribute(contextPath + auditlog))
			.replace("{{events}}", attribute(eventsPath(contextPath)));
		return ServerResponse.ok()
			.contentType(HTML)
			.headers(AuditlogPage::securityHeaders)
			.cacheControl(CacheControl.noStore())
			.body(html);
	}

	private String eventsPath(String contextPath) {
		String events = this.endpoints.getPath(AUDITEVENTS);
		return (events != null) ? contextPath + events : "";
	}

	private static void headers(Resource resource, HttpHeaders headers) {
		securityHeaders(headers);
		headers.setCacheControl(CacheControl.noCache());
	}

	private static void securityHeaders(HttpHeaders headers) {
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "same-origin");
	}

	private static String attribute(@Nullable String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name()) : "";
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The audit log page " + resource + " cannot be read", ex);
		}
	}

}
