package dev.auditlog.spring.actuate;

import java.util.Set;

import dev.auditlog.AuditLog;
import dev.auditlog.spring.query.LogEntryRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code auditlog} endpoint with its {@code DELETE} operation, used when
 * {@code auditlog.endpoint.flush-enabled} is set: without it, the operation does not
 * exist at all rather than answering with an error.
 */
final class FlushingAuditlogEndpoint extends AuditlogEndpoint {

	FlushingAuditlogEndpoint(AuditLog auditLog, LogEntryRepository repository) {
		super(auditLog, repository);
	}

	FlushingAuditlogEndpoint(AuditLog auditLog, LogEntryRepository repository, Show showValues, Set<String> roles) {
		super(auditLog, repository, showValues, roles);
	}

	/**
	 * Delete the entries recorded strictly before the given instant or day, in bounded
	 * batches.
	 * @param before the exclusive upper bound: an ISO-8601 instant or date
	 * @return {@code {"deleted": N}}, or a bad request naming the parameter
	 */
	@DeleteOperation
	public WebEndpointResponse<OperationResponseBody> delete(@Nullable String before) {
		return flush(before);
	}

}
