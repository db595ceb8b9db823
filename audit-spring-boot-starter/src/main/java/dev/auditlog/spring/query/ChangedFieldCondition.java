package dev.auditlog.spring.query;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.core.AuditJson;
import dev.auditlog.core.LogEntryQuery.ChangedField;
import dev.auditlog.spring.schema.AuditDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL condition of a {@link ChangedField} filter on the {@code changes} column.
 * <ul>
 * <li>PostgreSQL: {@code changes ? field} and {@code changes @> {"field": [value]}}, both
 * served by the GIN index of the {@code V7} migration, then the position of the value
 * ({@code ->> 0} old, {@code ->> 1} new). Exact.</li>
 * <li>MariaDB/MySQL: {@code JSON_CONTAINS_PATH} and {@code JSON_VALUE} on the path of the
 * field; no index (MariaDB cannot index the keys of a JSON document), the other filters
 * (model, object) narrow the rows first.</li>
 * <li>H2: a {@code LIKE} on the JSON text that every matching entry satisfies; the reader
 * tests each row exactly.</li>
 * </ul>
 *
 * @param sql the condition
 * @param args its arguments
 * @param exact whether the condition alone is the filter; otherwise each row it selects
 * is tested with {@link dev.auditlog.core.LogEntryQuery#matchesChanges}
 */
record ChangedFieldCondition(String sql, List<Object> args, boolean exact) {

	private static final JsonMapper JSON = AuditJson.mapper();

	static ChangedFieldCondition of(AuditDatabase database, ChangedField changed) {
		return switch (database) {
			case POSTGRESQL -> postgresql(changed);
			case MARIADB -> mariadb(changed);
			case H2 -> h2(changed);
		};
	}

	private static ChangedFieldCondition postgresql(ChangedField changed) {
		List<Object> args = new ArrayList<>();
		// the expression of the V7 index, so that the index serves it
		StringBuilder sql = new StringBuilder(
				"jsonb_path_query_array(changes, '$.keyvalue().key') @> CAST(? AS jsonb)");
		args.add(JSON.writeValueAsString(List.of(changed.field())));
		if (changed.oldValue() != null) {
			sql.append(" AND changes -> ? ->> 0 = ?");
			args.add(changed.field());
			args.add(changed.oldValue());
		}
		if (changed.newValue() != null) {
			sql.append(" AND changes -> ? ->> 1 = ?");
			args.add(changed.field());
			args.add(changed.newValue());
		}
		return new ChangedFieldCondition(sql.toString(), args, true);
	}

	private static ChangedFieldCondition mariadb(ChangedField changed) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = new StringBuilder("JSON_CONTAINS_PATH(changes, 'one', ?)");
		String path = "$." + JSON.writeValueAsString(changed.field());
		args.add(path);
		if (changed.oldValue() != null) {
			sql.append(" AND JSON_VALUE(changes, ?) = ?");
			args.add(path + "[0]");
			args.add(changed.oldValue());
		}
		if (changed.newValue() != null) {
			sql.append(" AND JSON_VALUE(changes, ?) = ?");
			args.add(path + "[1]");
			args.add(changed.newValue());
		}
		// the collation compares case-insensitively: the reader tests each row exactly
		return new ChangedFieldCondition(sql.toString(), args, false);
	}

	private static ChangedFieldCondition h2(ChangedField changed) {
		List<String> patterns = new ArrayList<>();
		if (isPlainAscii(changed.field())) {
			patterns.add(JSON.writeValueAsString(changed.field()) + ":");
		}
		for (String value : new String[] { changed.oldValue(), changed.newValue() }) {
			if (value != null && isPlainAscii(value)) {
				patterns.add(JSON.writeValueAsString(value));
			}
		}
		if (patterns.isEmpty()) {
			return new ChangedFieldCondition("1 = 1", List.of(), false);
		}
		StringBuilder sql = new StringBuilder();
		List<Object> args = new ArrayList<>();
		for (String pattern : patterns) {
			if (!sql.isEmpty()) {
				sql.append(" AND ");
			}
			sql.append("CAST(changes AS VARCHAR) LIKE ? ESCAPE '\\'");
			args.add("%" + escapeLike(pattern) + "%");
		}
		return new ChangedFieldCondition(sql.toString(), args, false);
	}

	/**
	 * Return whether a text is written in JSON the same by every writer: printable ASCII
	 * that needs no escape.
	 */
	private static boolean isPlainAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '\\' || c == '"') {
				return false;
			}
		}
		return true;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
