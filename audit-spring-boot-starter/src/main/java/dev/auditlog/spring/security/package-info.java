/**
 * Spring Security integration: the actor of an entry is the authenticated user.
 */
@NullMarked
package dev.auditlog.spring.security;

import org.jspecify.annotations.NullMarked;
