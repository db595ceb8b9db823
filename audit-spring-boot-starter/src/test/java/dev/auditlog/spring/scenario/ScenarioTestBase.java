package dev.auditlog.spring.scenario;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.ValueChange;
import dev.auditlog.event.PostLogEvent;
import dev.auditlog.spring.scenario.ScenarioSupport.RecordedEvents;
import dev.auditlog.spring.scenario.ScenarioSupport.StatementCounter;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What the scenario suites share: a clean database before each test, transactions, and
 * the entries read back with plain SQL.
 */
abstract class ScenarioTestBase {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordedEvents events;

	@Autowired
	StatementCounter statements;

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			for (String table : List.of("product_tag", "product_label", "product", "tag", "category", "supplier",
					"note", "document", "setting", "order_line", "shipment", "vehicle", "card_payment", "payment",
					"auditlog_logentry")) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
		this.events.clear();
		this.statements.reset();
	}

	<T> T inTransaction(Function<EntityManager, T> work) {
		return this.transaction.execute((status) -> work.apply(this.entityManager));
	}

	<T> T persist(T entity) {
		this.entityManager.persist(entity);
		return entity;
	}

	static Map<String, FieldChange> values(@Nullable String... fieldOldNew) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		for (int i = 0; i < fieldOldNew.length; i += 3) {
			changes.put(fieldOldNew[i], new ValueChange(fieldOldNew[i + 1], fieldOldNew[i + 2]));
		}
		return changes;
	}

	static Map<String, FieldChange> collection(String field, Operation operation, String... objects) {
		return Map.of(field, new CollectionChange(operation, List.of(objects)));
	}

	List<Row> rows() {
		return this.jdbc.query(
				"SELECT action, model, object_pk, object_id, object_repr, changes, serialized_data, "
						+ "additional_data, actor, remote_addr, cid FROM auditlog_logentry ORDER BY id",
				ScenarioTestBase::row);
	}

	Row onlyRow(String model) {
		List<Row> rows = rows().stream().filter((row) -> row.model.equals(model)).toList();
		assertThat(rows).as("entries of %s", model).hasSize(1);
		return rows.get(0);
	}

	Row lastRow(String model) {
		List<Row> rows = rows().stream().filter((row) -> row.model.equals(model)).toList();
		assertThat(rows).as("entries of %s", model).isNotEmpty();
		return rows.get(rows.size() - 1);
	}

	private static @Nullable Long objectId(ResultSet rs) throws SQLException {
		long objectId = rs.getLong("object_id");
		return rs.wasNull() ? null : objectId;
	}

	private static Row row(ResultSet rs, int index) throws SQLException {
		return new Row(Action.fromValue(rs.getInt("action")), rs.getString("model"), rs.getString("object_pk"),
				objectId(rs), rs.getString("object_repr"), Changes.fromJson(rs.getString("changes")).asMap(),
				rs.getString("serialized_data"), rs.getString("additional_data"), rs.getString("actor"),
				rs.getString("remote_addr"), rs.getString("cid"));
	}

	record Row(Action action, String model, String objectPk, @Nullable Long objectId, String objectRepr,
			Map<String, FieldChange> changes, @Nullable String serializedData, @Nullable String additionalData,
			@Nullable String actor, @Nullable String remoteAddr, @Nullable String cid) {

	}

}
