package dev.auditlog.spring.maskcheck.transientinelement;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Transient;

/**
 * An element whose masked field is not persistent.
 */
@Embeddable
public class Key {

	private String label;

	@AuditMask
	@Transient
	private String secret;

}
