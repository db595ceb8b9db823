package dev.auditlog.spring.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.auditlog.core.AuditContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Boot's {@link AuditEventRepository}, kept in the {@code auditlog_event} table:
 * login successes and failures, denied access and logouts, each with the client address
 * and correlation id of its request. Event data that is not plain JSON is stored as text.
 *
 * @since 0.1.0
 */
public class JdbcAuditEventRepository implements AuditEventRepository {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final boolean utcDateTime;

	private final String insert;

	/**
	 * Create a repository on the given database.
	 * @param dataSource the database holding {@code auditlog_event}
	 * @param json writes and reads the event data
	 */
	public JdbcAuditEventRepository(DataSource dataSource, JsonMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.json = json;
		String product = productName(this.jdbc);
		this.utcDateTime = product.contains("mariadb") || product.contains("mysql");
		String data = product.contains("postgres") ? "CAST(? AS jsonb)"
				: (product.contains("h2") ? "? FORMAT JSON" : "?");
		this.insert = "INSERT INTO auditlog_event (timestamp, principal, type, remote_addr, cid, data) VALUES (?, ?, ?, ?, ?, "
				+ data + ")";
	}

	private static String productName(JdbcTemplate jdbc) {
		String product = jdbc.execute((Connection connection) -> connection.getMetaData().getDatabaseProductName());
		return (product != null) ? product.toLowerCase(Locale.ROOT) : "";
	}

	@Override
	public void add(AuditEvent event) {
		Map<String, @Nullable Object> data = plain(event.getData());
		this.jdbc.update(this.insert, timestamp(event.getTimestamp()), event.getPrincipal(), event.getType(),
				remoteAddrOf(event), AuditContext.cid(), data.isEmpty() ? null : this.json.writeValueAsString(data));
	}

	@Override
	public List<AuditEvent> find(@Nullable String principal, @Nullable Instant after, @Nullable String type) {
		StringBuilder sql = new StringBuilder(
				"SELECT timestamp, principal, type, data FROM auditlog_event WHERE 1 = 1");
		List<Object> arguments = new ArrayList<>();
		if (principal != null) {
			sql.append(" AND principal = ?");
			arguments.add(principal);
		}
		if (after != null) {
			sql.append(" AND timestamp > ?");
			arguments.add(timestamp(after));
		}
		if (type != null) {
			sql.append(" AND type = ?");
			arguments.add(type);
		}
		sql.append(" ORDER BY timestamp, id");
		return this.jdbc.query(sql.toString(), this::event, arguments.toArray());
	}

	private AuditEvent event(ResultSet rs, int row) throws SQLException {
		Instant timestamp = this.utcDateTime ? rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)
				: rs.getObject(1, OffsetDateTime.class).toInstant();
		String data = rs.getString(4);
		return new AuditEvent(timestamp, rs.getString(2), rs.getString(3),
				(data != null) ? this.json.readValue(data, DATA) : Map.of());
	}

	private Object timestamp(Instant instant) {
		return this.utcDateTime ? Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC))
				: OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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

	private static Map<String, @Nullable Object> plain(Map<String, Object> data) {
		Map<String, @Nullable Object> plain = new LinkedHashMap<>();
		data.forEach((key, value) -> plain.put(key, plainValue(value)));
		return plain;
	}

	private static @Nullable Object plainValue(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> plain = new LinkedHashMap<>();
			map.forEach((key, nested) -> plain.put(String.valueOf(key), plainValue(nested)));
			return plain;
		}
		if (value instanceof Iterable<?> values) {
			List<@Nullable Object> plain = new ArrayList<>();
			values.forEach((nested) -> plain.add(plainValue(nested)));
			return plain;
		}
		return value.toString();
	}

}
