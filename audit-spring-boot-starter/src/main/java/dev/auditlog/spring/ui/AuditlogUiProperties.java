package dev.auditlog.spring.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration properties of the audit log's browsing page.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("auditlog.ui")
public class AuditlogUiProperties {

	/**
	 * Whether to serve the browsing page of the audit log. It is only served in servlet
	 * applications that expose the auditlog endpoint over HTTP on the application's own
	 * port, and it shows only what the endpoint answers to the signed-in user.
	 */
	private boolean enabled = true;

	/**
	 * Path of the browsing page, relative to the servlet context path. Its styles and
	 * scripts are served below it.
	 */
	private String path = "/auditlog";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		Assert.hasText(path, "auditlog.ui.path must not be empty");
		String trimmed = path.strip();
		while (trimmed.length() > 1 && trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		Assert.isTrue(trimmed.startsWith("/") && trimmed.length() > 1,
				() -> "auditlog.ui.path must start with '/' and name a path below the root but was '" + path + "'");
		this.path = trimmed;
	}

}
