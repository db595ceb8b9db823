package dev.auditlog.spring.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.auditlog.spring.actuate.AuditlogEndpoint;
import dev.auditlog.spring.actuate.AuditlogEndpointAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.Ordered;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * The audit log's browsing page at {@code auditlog.ui.path} ({@code /auditlog} by
 * default): static HTML, CSS and JavaScript modules from the starter's jar that read the
 * {@code auditlog} endpoint (and {@code auditevents} when it is exposed). It is served in
 * servlet applications that expose the endpoint over HTTP on the application's port; it
 * holds no data of its own, so the endpoint's security is the page's.
 * {@code auditlog.ui.enabled=false} turns it off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AuditlogEndpointAutoConfiguration.class,
		afterName = { "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ RouterFunction.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = { "auditlog.enabled", "auditlog.ui.enabled" }, matchIfMissing = true)
@ConditionalOnAvailableEndpoint(endpoint = AuditlogEndpoint.class, exposure = EndpointExposure.WEB)
@ConditionalOnManagementPort(ManagementPortType.SAME)
@EnableConfigurationProperties(AuditlogUiProperties.class)
@ImportRuntimeHints(AuditlogUiRuntimeHints.class)
public final class AuditlogUiAutoConfiguration {

	/**
	 * After Spring MVC's request mappings and functional routes, before its static
	 * resources ({@code Ordered.LOWEST_PRECEDENCE - 1}).
	 */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	/**
	 * The page's own handler mapping, consulted after the application's controllers and
	 * functional routes: an application that already answers at the page's path keeps its
	 * answer.
	 */
	@Bean
	@ConditionalOnBean({ AuditlogEndpoint.class, PathMappedEndpoints.class })
	@ConditionalOnMissingBean(name = "auditlogUiHandlerMapping")
	RouterFunctionMapping auditlogUiHandlerMapping(AuditlogUiProperties properties, PathMappedEndpoints endpoints) {
		RouterFunctionMapping mapping = new RouterFunctionMapping(
				new AuditlogPage(properties.getPath(), endpoints).routes());
		mapping.setOrder(ORDER);
		// the page writes only its HTML and its files
		mapping.setMessageConverters(
				List.of(new StringHttpMessageConverter(StandardCharsets.UTF_8), new ResourceHttpMessageConverter()));
		return mapping;
	}

}
