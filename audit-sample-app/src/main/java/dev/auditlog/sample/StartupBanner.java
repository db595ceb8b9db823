package dev.auditlog.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where the application listens and who to sign in as.
 */
@Component
class StartupBanner {

	private static final Logger logger = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		logger.info("Inventory is running at http://localhost:{}/api/products", port);
		logger.info(
				"Sign in as alice / {} (USER) or admin / {} (ADMIN); the audit log is at "
						+ "http://localhost:{}/auditlog (the page) and http://localhost:{}/actuator/auditlog (JSON), "
						+ "for ADMIN",
				SecurityConfiguration.ALICE_PASSWORD, SecurityConfiguration.ADMIN_PASSWORD, port, port);
	}

}
