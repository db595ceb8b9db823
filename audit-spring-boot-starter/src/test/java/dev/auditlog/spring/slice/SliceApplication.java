package dev.auditlog.spring.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application whose repository the slice tests load.
 */
@SpringBootApplication
public class SliceApplication {

}
