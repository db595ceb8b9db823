package dev.auditlog.spring.readable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose log people read: entities without their own {@code toString()},
 * to-one and one-to-many associations, and a request that fails.
 */
@SpringBootApplication
public class ReadableApplication {

	@RestController
	static class FailingController {

		@GetMapping("/oups")
		String oups() {
			throw new IllegalStateException(
					"Expected: controller used to showcase what happens when an exception " + "is thrown");
		}

	}

}
