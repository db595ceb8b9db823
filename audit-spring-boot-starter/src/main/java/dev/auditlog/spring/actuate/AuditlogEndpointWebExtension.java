package dev.auditlog.spring.actuate;

import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.auditlog.spring.TenantReadRestriction;
import dev.auditlog.spring.actuate.AuditlogEndpoint.BadParameterException;
import dev.auditlog.spring.actuate.AuditlogEndpoint.ValuesNotShownException;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link AuditlogEndpoint}:
 * the same operations with HTTP statuses. A parameter that cannot be used is answered
 * with {@code 400}, a value filter the caller is not shown with {@code 403}, an unknown
 * entry id or a view that is not available (such as {@code verify} without integrity
 * protection) with {@code 404}; each with an {@link ErrorDescriptor} body naming the
 * parameter: {@code {"status": 400, "error": "Bad Request", "parameter": "size",
 * "message": "size must be …"}}.
 *
 * @since 0.2.0
 */
@EndpointWebExtension(endpoint = AuditlogEndpoint.class)
@RegisterReflectionForBinding(AuditlogEndpointWebExtension.ErrorDescriptor.class)
public class AuditlogEndpointWebExtension {

	private static final int STATUS_FORBIDDEN = 403;

	private final AuditlogEndpoint endpoint;

	/**
	 * Create a web extension of the given endpoint.
	 * @param endpoint the endpoint that answers the operations
	 */
	public AuditlogEndpointWebExtension(AuditlogEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Return one page of entries, newest first, as
	 * {@link AuditlogEndpoint#entries(SecurityContext, String, String, String, String, String, String, String, String, String, String, String, String, String)}
	 * does.
	 * @param securityContext the caller, who may or may not be shown values
	 * @param model only entries of this entity name
	 * @param objectPk only entries of the object with this primary key
	 * @param actor only entries made by this actor
	 * @param action only entries with one of these actions: names or numbers separated by
	 * commas (several {@code action} parameters arrive joined by commas)
	 * @param cid only entries with this correlation id
	 * @param from only entries recorded at or after this instant or day
	 * @param to only entries recorded before this instant or day
	 * @param before the cursor: only entries after the entry with this id
	 * @param size the number of entries, 1 to 500, 50 when not given
	 * @param changed only entries that changed this field
	 * @param changedTo only entries that changed the field {@code changed} to this value
	 * @param changedFrom only entries that changed the field {@code changed} from this
	 * value
	 * @param tenant only entries of this tenant
	 * @return the page, a bad request naming the bad parameter, or forbidden for an actor
	 * or value filter when values are not shown, or for another tenant than the reader's
	 * when reads are restricted to it
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> entries(SecurityContext securityContext, @Nullable String model,
			@Nullable String objectPk, @Nullable String actor, @Nullable String action, @Nullable String cid,
			@Nullable String from, @Nullable String to, @Nullable String before, @Nullable String size,
			@Nullable String changed, @Nullable String changedTo, @Nullable String changedFrom,
			@Nullable String tenant) {
		return respond(() -> new WebEndpointResponse<>(this.endpoint.entries(securityContext, model, objectPk, actor,
				action, cid, from, to, before, size, changed, changedTo, changedFrom, tenant)));
	}

	WebEndpointResponse<OperationResponseBody> entries(SecurityContext securityContext, @Nullable String model,
			@Nullable String objectPk, @Nullable String actor, @Nullable String action, @Nullable String cid,
			@Nullable String from, @Nullable String to, @Nullable String before, @Nullable String size,
			@Nullable String changed, @Nullable String changedTo, @Nullable String changedFrom) {
		return entries(securityContext, model, objectPk, actor, action, cid, from, to, before, size, changed, changedTo,
				changedFrom, null);
	}

	WebEndpointResponse<OperationResponseBody> entries(SecurityContext securityContext, @Nullable String model,
			@Nullable String objectPk, @Nullable String actor, @Nullable String action, @Nullable String cid,
			@Nullable String from, @Nullable String to, @Nullable String before, @Nullable String size) {
		return entries(securityContext, model, objectPk, actor, action, cid, from, to, before, size, null, null, null);
	}

	/**
	 * Return one entry, the summary, the verification, an object's state or its diff, as
	 * {@link AuditlogEndpoint#entry(SecurityContext, String, String, String, String, String, String, String, String)}
	 * does.
	 * @param securityContext the caller, who may or may not be shown values
	 * @param id the entry's id, {@code summary}, {@code verify}, {@code state} or
	 * {@code diff}
	 * @param days the number of days the summary covers, up to now; 30 when not given
	 * @param actor only count the entries of this actor in the summary
	 * @param from the start of a verification or the first instant of a diff
	 * @param to the end of a verification or the second instant of a diff
	 * @param model the entity name of the object of a state or diff
	 * @param objectPk the key of the object of a state or diff
	 * @param at the instant of a state
	 * @return the answer, a bad request, forbidden for an actor filter when values are
	 * not shown, or not found
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> entry(SecurityContext securityContext, @Selector String id,
			@Nullable String days, @Nullable String actor, @Nullable String from, @Nullable String to,
			@Nullable String model, @Nullable String objectPk, @Nullable String at) {
		return respond(() -> {
			OperationResponseBody body = this.endpoint.entry(securityContext, id, days, actor, from, to, model,
					objectPk, at);
			if (body == null) {
				// only an entry id finds nothing, and it has been checked to be one
				return notFound("No audit log entry has the id " + AuditlogEndpoint.entryId("id", id));
			}
			return new WebEndpointResponse<>(body);
		});
	}

	WebEndpointResponse<OperationResponseBody> entry(SecurityContext securityContext, String id, @Nullable String days,
			@Nullable String actor, @Nullable String from, @Nullable String to) {
		return entry(securityContext, id, days, actor, from, to, null, null, null);
	}

	WebEndpointResponse<OperationResponseBody> entry(SecurityContext securityContext, String id, @Nullable String days,
			@Nullable String actor) {
		return entry(securityContext, id, days, actor, null, null);
	}

	/**
	 * Delete the entries recorded strictly before the given instant or day, as
	 * {@link AuditlogEndpoint#delete(String)} does.
	 * @param before the exclusive upper bound: an ISO-8601 instant or date
	 * @return {@code {"deleted": N}}, a bad request naming the parameter, or forbidden
	 * ({@code tenant}) for a reader restricted to one tenant
	 */
	@DeleteOperation
	public WebEndpointResponse<OperationResponseBody> delete(@Nullable String before) {
		return respond(() -> new WebEndpointResponse<>(this.endpoint.delete(before)));
	}

	private static WebEndpointResponse<OperationResponseBody> respond(
			Supplier<WebEndpointResponse<OperationResponseBody>> operation) {
		try {
			return operation.get();
		}
		catch (BadParameterException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad Request", ex.getParameter(),
					String.valueOf(ex.getMessage()));
		}
		catch (ValuesNotShownException ex) {
			return error(STATUS_FORBIDDEN, "Forbidden", ex.getParameter(), String.valueOf(ex.getMessage()));
		}
		catch (TenantReadRestriction.UnknownTenantException ex) {
			return error(STATUS_FORBIDDEN, "Forbidden", "tenant", String.valueOf(ex.getMessage()));
		}
		catch (UnsupportedOperationException ex) {
			// a view this audit log does not offer, such as verify without integrity
			return notFound(String.valueOf(ex.getMessage()));
		}
	}

	private static WebEndpointResponse<OperationResponseBody> notFound(String message) {
		return error(WebEndpointResponse.STATUS_NOT_FOUND, "Not Found", null, message);
	}

	private static WebEndpointResponse<OperationResponseBody> error(int status, String error,
			@Nullable String parameter, String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(status, error, parameter, message), status);
	}

	/**
	 * Why a request was refused.
	 *
	 * @param status the HTTP status
	 * @param error the status's reason phrase
	 * @param parameter the bad parameter, if one is to blame
	 * @param message what is wrong, naming the parameter
	 */
	@JsonInclude(Include.ALWAYS)
	public record ErrorDescriptor(int status, String error, @Nullable String parameter,
			String message) implements OperationResponseBody {

	}

}
