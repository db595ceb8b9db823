/**
 * The inventory service that shows the audit log at work.
 */
@NullMarked
package dev.auditlog.sample;

import org.jspecify.annotations.NullMarked;
