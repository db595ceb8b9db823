package dev.auditlog.event;

import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import org.jspecify.annotations.Nullable;

/**
 * Published after a log entry was written, still inside the transaction of the change, or
 * after writing it failed. Listen with {@code @TransactionalEventListener} to act only
 * once the transaction committed.
 *
 * @param entry the written entry (its id is {@code null}: ids are not read back), or
 * {@code null} when writing failed
 * @param changes what changed, masked
 * @param created whether the entry was written
 * @param error why writing failed, or {@code null}
 * @since 0.1.0
 */
public record PostLogEvent(@Nullable LogEntry entry, Changes changes, boolean created, @Nullable Throwable error) {

}
