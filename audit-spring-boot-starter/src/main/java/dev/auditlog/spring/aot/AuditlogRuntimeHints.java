package dev.auditlog.spring.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Registers what the starter reads from its jar at runtime: the Flyway scripts of the
 * audit tables under {@code dev/auditlog/schema/<vendor>/}.
 *
 * @since 0.1.0
 */
public class AuditlogRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("dev/auditlog/schema/*/*.sql");
	}

}
