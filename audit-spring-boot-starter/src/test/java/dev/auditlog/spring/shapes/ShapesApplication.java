package dev.auditlog.spring.shapes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under test of the shapes of real applications: inheritance hierarchies
 * of each strategy and a {@code @MappedSuperclass}, values the database computes, and
 * attributes stored through converters.
 */
@SpringBootApplication
public class ShapesApplication {

}
