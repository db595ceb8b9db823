package dev.auditlog.spring.maskcheck.valid;

import dev.auditlog.annotation.AuditMask;
import jakarta.persistence.Embeddable;

/**
 * A record embeddable with a masked component.
 *
 * @param issuer a plain value
 * @param secret a secret
 */
@Embeddable
public record Token(String issuer, @AuditMask String secret) {

}
