package dev.auditlog.spring.ui;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Registers what the page reads from the jar at runtime: its HTML and its files under
 * {@value AuditlogPage#LOCATION}.
 */
class AuditlogUiRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(AuditlogPage.LOCATION + "index.html");
		hints.resources().registerPattern(AuditlogPage.LOCATION + "assets/*");
	}

}
