package dev.auditlog.spring.integrity;

import java.time.Instant;

/**
 * Records that entries are deleted on purpose, before retention or a flush deletes them,
 * so that integrity verification tells them from entries removed by someone else.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface RetentionCheckpoint {

	/**
	 * Record that the entries recorded before an instant are deleted.
	 * @param before the exclusive upper bound of the timestamps of the entries deleted
	 * @throws org.springframework.dao.DataAccessException if it cannot be recorded (then
	 * nothing may be deleted)
	 */
	void recordDeletion(Instant before);

}
