package dev.auditlog.spring.ui;

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
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

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
public final class AuditlogUiAutoConfiguration {

	@Bean
	@ConditionalOnBean({ AuditlogEndpoint.class, PathMappedEndpoints.class })
	@ConditionalOnMissingBean(name = "auditlogUiRouterFunction")
	RouterFunction<ServerResponse> auditlogUiRouterFunction(AuditlogUiProperties properties,
			PathMappedEndpoints endpoints) {
		return new AuditlogPage(properties.getPath(), endpoints).routes();
	}

}
