package dev.auditlog.spring.scenario;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under test of the scenario suites: a plain Spring Boot app with the
 * starter on the classpath and a few audited entities.
 */
@SpringBootApplication
public class ScenarioApplication {

}
