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

	@Test
	void aDatabaseTheStarterCannotServeSaysWhatToChangeThere() {
		BeanCreationException failure = new BeanCreationException("legacyEntityManagerFactory",
				"Initialization of bean failed",
				new InvalidAuditDatabaseException(
						"EntityManagerFactory 'legacyEntityManagerFactory' audits LegacyCustomer, but its database has "
								+ "no usable auditlog_logentry table",
						"Apply the scripts under dev/auditlog/schema/", null));
		FailureAnalysis analysis = new InvalidAuditConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("'legacyEntityManagerFactory'", "LegacyCustomer");
		assertThat(analysis.getAction()).isEqualTo("Apply the scripts under dev/auditlog/schema/");
	}

}
