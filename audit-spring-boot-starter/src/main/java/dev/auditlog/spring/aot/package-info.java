/**
 * Ahead-of-time processing support: the runtime hints the starter needs in an
 * AOT-processed or native application.
 */
@NullMarked
package dev.auditlog.spring.aot;

import org.jspecify.annotations.NullMarked;
