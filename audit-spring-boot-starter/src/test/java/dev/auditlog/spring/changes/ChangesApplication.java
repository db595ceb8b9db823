package dev.auditlog.spring.changes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under test of the change scenarios: the starter and a few audited
 * entities whose values the database stores in another form, or whose changes Hibernate
 * reports in an unusual shape.
 */
@SpringBootApplication
public class ChangesApplication {

}
