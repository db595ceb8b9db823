package dev.auditlog.spring.completion;

import dev.auditlog.spring.testing.ExecutedStatements;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Orders with lines, and a record of the statements sent to the database, to test how
 * transactions end and what reading an empty selection costs.
 */
@SpringBootApplication
public class CompletionApplication {

	@Bean
	static ExecutedStatements statements() {
		return new ExecutedStatements();
	}

	@Bean
	static BeanPostProcessor recordingDataSource(ExecutedStatements statements) {
		return ExecutedStatements.recording(statements);
	}

}
