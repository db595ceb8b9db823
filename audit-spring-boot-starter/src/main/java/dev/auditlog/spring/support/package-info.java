/**
 * Support shared by the starter's packages; not API.
 */
@NullMarked
package dev.auditlog.spring.support;

import org.jspecify.annotations.NullMarked;
