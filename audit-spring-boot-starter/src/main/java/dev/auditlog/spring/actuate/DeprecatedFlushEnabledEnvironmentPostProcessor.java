package dev.auditlog.spring.actuate;

import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the deprecated {@code auditlog.endpoint.flush-enabled: true} working for one
 * release: when it is set and {@code management.endpoint.auditlog.access} is not, the
 * endpoint's access becomes {@code unrestricted} (which offers its {@code DELETE}), with
 * a warning naming the replacement. An access set explicitly always wins.
 */
class DeprecatedFlushEnabledEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String FLUSH_ENABLED = "auditlog.endpoint.flush-enabled";

	static final String ACCESS = "management.endpoint.auditlog.access";

	private final Log logger;

	DeprecatedFlushEnabledEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DeprecatedFlushEnabledEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Boolean.parseBoolean(environment.getProperty(FLUSH_ENABLED)) && !environment.containsProperty(ACCESS)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("auditlogDeprecatedFlushEnabled", Map.of(ACCESS, "unrestricted")));
			this.logger.warn(FLUSH_ENABLED + " is deprecated and will be removed: set " + ACCESS
					+ ": unrestricted instead (it offers DELETE /actuator/auditlog, as Spring Boot's own endpoints do)");
		}
	}

	@Override
	public int getOrder() {
		// after the application's configuration files have been read
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
