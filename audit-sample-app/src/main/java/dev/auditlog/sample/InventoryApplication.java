package dev.auditlog.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * A small inventory service: categories, products and tags behind a JSON API and Spring
 * Security, every change of them in the audit log.
 */
@SpringBootApplication
@EnableJpaAuditing
public class InventoryApplication {

	public static void main(String[] args) {
		SpringApplication.run(InventoryApplication.class, args);
	}

}
