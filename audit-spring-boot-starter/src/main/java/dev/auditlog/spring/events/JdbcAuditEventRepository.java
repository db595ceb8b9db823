package dev.auditlog.spring.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditContext;
import dev.auditlog.core.StoredText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;

/**
 * Spring Boot's {@link AuditEventRepository}, kept in the {@code auditlog_event} table:
 * login successes and failures, denied access and logouts, each with the client address
 * and correlation id of its request. {@code /actuator/auditevents} browses them, together
 * with the data exports, request errors and slow requests the audit log records there.
 *
 * @since 0.1.0
 */
public class JdbcAuditEventRepository implements AuditEventRepository {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final AuditEventStore store;

	private final JsonMapper json;

	/**
	 * Create a repository over the given store.
	 * @param store writes to {@code auditlog_event}
	 * @param json reads the event data
	 */
	public JdbcAuditEventRepository(AuditEventStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	@Override
	public void add(AuditEvent event) {
		this.store.record(event.getTimestamp(), event.getPrincipal(), event.getType(), remoteAddrOf(event),
				event.getData());
	}

	@Override
	public List<AuditEvent> find(@Nullable String principal, @Nullable Instant after, @Nullable String type) {
		StringBuilder sql = new StringBuilder(
				"SELECT timestamp, principal, type, data FROM auditlog_event WHERE 1 = 1");
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
		return new AuditEvent(timestamp, rs.getString(2), rs.getString(3),
				(data != null) ? this.json.readValue(data, DATA) : Map.of());
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
