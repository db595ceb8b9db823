/**
 * Tamper evidence for the audit log: content hashes written with each entry, signed seals
 * chaining them, and their verification.
 */
@NullMarked
package dev.auditlog.spring.integrity;

import org.jspecify.annotations.NullMarked;
