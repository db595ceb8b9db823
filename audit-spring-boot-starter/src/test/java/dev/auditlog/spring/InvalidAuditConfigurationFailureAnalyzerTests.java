package dev.auditlog.spring;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidAuditConfigurationFailureAnalyzerTests {

	@Test
	void startupFailureNamesTheCulpritAndSaysWhatToChange() {
		BeanCreationException failure = new BeanCreationException("entityManagerFactory",
				"Initialization of bean failed", new InvalidAuditConfigurationException(
						"auditlog.models names unknown model 'Prodcut' (known entities: Product)"));
		FailureAnalysis analysis = new InvalidAuditConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'Prodcut'", "known entities: Product");
		assertThat(analysis.getAction()).contains("JPA entity name", "address.city");
	}

}
