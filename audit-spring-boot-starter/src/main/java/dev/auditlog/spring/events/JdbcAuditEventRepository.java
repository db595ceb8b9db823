package dev.auditlog.spring.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.core.AuditJson;
import dev.auditlog.core.StoredText;
import dev.auditlog.spring.ActorResolution;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's {@link AuditEventRepository}, kept in the {@code auditlog_event} table:
 * login successes and failures, denied access and logouts, each with the client address
 * and correlation id of its request. {@code /actuator/auditevents} browses them, together
 * with the data exports, request errors and slow requests the audit log records there.
 * <p>
 * An event's principal is whom Spring Boot's listeners name: the user who signed in or
 * out, the name tried in a failed login. An event that names no one — a blank principal,
 * Spring Boot's {@code <unknown>}, or Spring Security's anonymous user — is recorded
 * under the actor the {@link ActorResolution} decides, so
 * {@value AuditEventStore#ANONYMOUS} when there is none, as every other event of the
 * audit log. Events read back carry their client address and correlation id in their
 * data, as {@code remoteAddr} and {@code cid}, unless the data names them itself.
 *
 * @since 0.1.0
 */
public class JdbcAuditEventRepository implements AuditEventRepository {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final AuditEventStore store;

	/**
	 * What Spring Boot's authorization listener names when there is no authentication.
	 */
	private static final String UNKNOWN = "<unknown>";

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			JdbcAuditEventRepository.class.getClassLoader());

	private final ActorResolution actorResolution;

	/**
	 * Create a repository over the given store that records events naming no one as
	 * {@value AuditEventStore#ANONYMOUS}.
	 * @param store writes to {@code auditlog_event}
	 * @since 0.2.0
	 */
	public JdbcAuditEventRepository(AuditEventStore store) {
		this(store, new ActorResolution(() -> null));
	}

	/**
	 * Create a repository over the given store. The event data is read by the audit log's
	 * own {@link AuditJson mapper}, which wrote it.
	 * @param store writes to {@code auditlog_event}
	 * @param actorResolution decides the principal of events that name no one
	 * @since 0.2.0
	 */
	public JdbcAuditEventRepository(AuditEventStore store, ActorResolution actorResolution) {
		this.store = store;
		this.actorResolution = actorResolution;
	}

	/**
	 * Create a repository over the given store that records events naming no one as
	 * {@value AuditEventStore#ANONYMOUS}.
	 * @param store writes to {@code auditlog_event}
	 * @param json ignored: the data is read by the audit log's own mapper
	 * @deprecated since 0.2.0 for removal: the stored JSON no longer depends on the
	 * application's mapper; use {@link #JdbcAuditEventRepository(AuditEventStore)}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public JdbcAuditEventRepository(AuditEventStore store, JsonMapper json) {
		this(store);
	}

	/**
	 * Create a repository over the given store.
	 * @param store writes to {@code auditlog_event}
	 * @param json ignored: the data is read by the audit log's own mapper
	 * @param actorResolution decides the principal of events that name no one
	 * @deprecated since 0.2.0 for removal: the stored JSON no longer depends on the
	 * application's mapper; use
	 * {@link #JdbcAuditEventRepository(AuditEventStore, ActorResolution)}
	 */
	@Deprecated(since = "0.2.0", forRemoval = true)
	public JdbcAuditEventRepository(AuditEventStore store, JsonMapper json, ActorResolution actorResolution) {
		this(store, actorResolution);
	}

	@Override
	public void add(AuditEvent event) {
		this.store.record(event.getTimestamp(), principalOf(event), event.getType(), remoteAddrOf(event),
				event.getData());
	}

	private @Nullable String principalOf(AuditEvent event) {
		String principal = event.getPrincipal();
		if (principal.isBlank() || UNKNOWN.equals(principal)
				|| (SPRING_SECURITY_PRESENT && AnonymousUser.isNamed(principal))) {
			return this.actorResolution.currentActor();
		}
		return principal;
	}

	@Override
	public List<AuditEvent> find(@Nullable String principal, @Nullable Instant after, @Nullable String type) {
		StringBuilder sql = new StringBuilder(
				"SELECT timestamp, principal, type, data, remote_addr, cid FROM auditlog_event WHERE 1 = 1");
		List<Object> arguments = new ArrayList<>();
		if (principal != null) {
			sql.append(" AND principal = ?");
			arguments.add(StoredText.fit(principal, StoredText.COLUMN_LENGTH));
		}
		if (after != null) {
			sql.append(" AND timestamp > ?");
			arguments.add(this.store.database().timestamp(after));
		}
		if (type != null) {
			sql.append(" AND type = ?");
			arguments.add(StoredText.fit(type, StoredText.COLUMN_LENGTH));
		}
		sql.append(" ORDER BY timestamp, id");
		return this.store.jdbc().query(sql.toString(), this::event, arguments.toArray());
	}

	private AuditEvent event(ResultSet rs, int row) throws SQLException {
		Instant timestamp = this.store.database().timestamp(rs, 1);
		String data = rs.getString(4);
		Map<String, Object> values = new LinkedHashMap<>();
		if (data != null) {
			values.putAll(AuditJson.mapper().readValue(data, DATA));
		}
		// where the event came from, which Spring Boot's AuditEvent has no field for
		putIfAbsent(values, "remoteAddr", rs.getString(5));
		putIfAbsent(values, "cid", rs.getString(6));
		return new AuditEvent(timestamp, rs.getString(2), rs.getString(3), values);
	}

	private static void putIfAbsent(Map<String, Object> values, String key, @Nullable String value) {
		if (value != null) {
			values.putIfAbsent(key, value);
		}
	}

	/**
	 * Spring Security's anonymous user, whose name the application chooses.
	 */
	private static final class AnonymousUser {

		static boolean isNamed(String principal) {
			return SecurityContextHolder.getContext()
				.getAuthentication() instanceof AnonymousAuthenticationToken anonymous
					&& principal.equals(anonymous.getName());
		}

	}

	private static @Nullable String remoteAddrOf(AuditEvent event) {
		String remoteAddr = AuditContext.remoteAddr();
		Object details = event.getData().get("details");
		if (remoteAddr == null && details != null) {
			try {
				Object address = details.getClass().getMethod("getRemoteAddress").invoke(details);
				remoteAddr = (address != null) ? address.toString() : null;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}
		return remoteAddr;
	}

}
