package dev.auditlog.spring.storedjson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.auditlog.AuditLog;
import dev.auditlog.core.AuditJson;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.LogEntryQuery;
import dev.auditlog.spring.events.AuditEventStore;
import dev.auditlog.spring.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's {@code spring.jackson.*} settings change its own {@code JsonMapper},
 * never the JSON the audit log stores and reads back: the {@code changes},
 * {@code serialized_data} and {@code additional_data} of entries and the {@code data} of
 * events are the same text, to the byte, with Jackson's defaults and with settings that
 * indent, sort, drop nulls, quote numbers, escape non-ASCII text, write dates as numbers,
 * rename properties and read decimals differently. Run on each database by a subclass.
 */
abstract class StoredJsonScenarios {

	/** Settings that change every part of a JSON text an application's mapper writes. */
	static final Map<String, String> APPLICATION_JACKSON = Map.ofEntries(
			Map.entry("spring.jackson.serialization.indent-output", "true"),
			Map.entry("spring.jackson.serialization.order-map-entries-by-keys", "true"),
			Map.entry("spring.jackson.default-property-inclusion", "non_null"),
			Map.entry("spring.jackson.property-naming-strategy", "SNAKE_CASE"),
			Map.entry("spring.jackson.json.write.escape-non-ascii", "true"),
			Map.entry("spring.jackson.json.write.write-numbers-as-strings", "true"),
			Map.entry("spring.jackson.write.write-bigdecimal-as-plain", "true"),
			Map.entry("spring.jackson.datatype.datetime.write-dates-as-timestamps", "true"),
			Map.entry("spring.jackson.deserialization.use-big-decimal-for-floats", "true"),
			Map.entry("spring.jackson.deserialization.use-big-integer-for-ints", "true"));

	abstract TestDatabase database();

	@Test
	void applicationJacksonSettingsChangeNothingStoredOrReadBack() {
		Stored defaults = storedWith(Map.of());
		Stored customised = storedWith(APPLICATION_JACKSON);
		assertThat(customised.entryColumns()).isEqualTo(defaults.entryColumns());
		assertThat(customised.eventData()).isEqualTo(defaults.eventData());
		assertThat(customised.entryData()).isEqualTo(defaults.entryData());
		assertThat(customised.eventsRead()).isEqualTo(defaults.eventsRead());
	}

	@Test
	void theStoredJsonIsTheAuditLogsOwnFormat() {
		Stored stored = storedWith(APPLICATION_JACKSON);
		assertThat(stored.entryColumns()).hasSize(2);
		List<String> create = stored.entryColumns().get(0);
		assertThat(json(create.get(0))).containsEntry("label", Arrays.asList(null, "Grüße"));
		assertThat(json(create.get(1))).containsEntry("label", "Grüße");
		assertThat(json(create.get(2))).containsEntry("note", null)
			.containsEntry("receiver", "Grüße an Zoë \uD83D\uDCE6")
			.containsEntry("shipment", Map.of("trackingCode", "T-1", "parcelCount", 3));
		assertThat(stored.eventData()).singleElement()
			.satisfies((data) -> assertThat(json(data)).containsEntry("note", null)
				.containsEntry("receiver", "Grüße an Zoë \uD83D\uDCE6")
				.containsEntry("price", 12.5));
		Map<String, @Nullable Object> read = stored.entryData().get(0);
		assertThat(read).containsEntry("receiver", "Grüße an Zoë \uD83D\uDCE6")
			.containsEntry("note", null)
			.containsEntry("price", new BigDecimal("12.50").doubleValue())
			.containsEntry("count", 3)
			.containsEntry("shippedAt", "2025-03-04T05:06:07.123456Z")
			.containsEntry("shipment", Map.of("trackingCode", "T-1", "parcelCount", 3));
		assertThat(stored.eventsRead().get(0)).containsEntry("ratio", 0.1).containsEntry("count", 3);
	}

	/**
	 * Start the application with the given settings, record two changes of a parcel and
	 * an event, and return what the tables hold and what the audit log reads back.
	 */
	private Stored storedWith(Map<String, String> settings) {
		TestDatabase database = database();
		Map<String, Object> properties = new LinkedHashMap<>(settings);
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.jpa.hibernate.ddl-auto", "create-drop");
		properties.put("spring.jpa.open-in-view", "false");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoredJsonApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()) {
			String applicationJson = context.getBean(JsonMapper.class).writeValueAsString(Map.of("a", 1));
			String ownJson = AuditJson.mapper().writeValueAsString(Map.of("a", 1));
			if (settings.isEmpty()) {
				assertThat(applicationJson).isEqualTo(ownJson);
			}
			else {
				assertThat(applicationJson).as("the application's mapper follows its settings").isNotEqualTo(ownJson);
			}
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.update("DELETE FROM auditlog_logentry");
			jdbc.update("DELETE FROM auditlog_event");
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			EntityManager entityManager = context.getBean(EntityManager.class);
			transaction.executeWithoutResult(
					(status) -> entityManager.persist(new Parcel(1L, "Grüße", new BigDecimal("12.50"))));
			transaction.executeWithoutResult((status) -> {
				Parcel parcel = entityManager.find(Parcel.class, 1L);
				parcel.setWeight(new BigDecimal("1000.00"));
				parcel.setNote("fragile \"glass\"");
			});
			context.getBean(AuditEventStore.class).record("ann", "DATA_EXPORT", StoredJsonApplication.data());
			List<List<String>> entryColumns = jdbc.query(
					"SELECT changes, serialized_data, additional_data FROM auditlog_logentry ORDER BY id",
					(rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
			List<String> eventData = jdbc
				.queryForList("SELECT data FROM auditlog_event WHERE type = 'DATA_EXPORT' ORDER BY id", String.class);
			List<LogEntry> entries = new ArrayList<>(
					context.getBean(AuditLog.class).query(LogEntryQuery.builder().model("Parcel").build()).entries());
			Collections.reverse(entries);
			List<Map<String, @Nullable Object>> entryData = entries.stream()
				.map((entry) -> Objects.requireNonNull(entry.additionalData()))
				.toList();
			List<Map<String, Object>> eventsRead = context.getBean(AuditEventRepository.class)
				.find("ann", null, "DATA_EXPORT")
				.stream()
				.map(AuditEvent::getData)
				.toList();
			return new Stored(entryColumns, eventData, entryData, eventsRead);
		}
	}

	private static Map<String, @Nullable Object> json(String text) {
		return AuditJson.mapper().readValue(text, MAP);
	}

	private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	/**
	 * What the tables hold and what the audit log reads back.
	 *
	 * @param entryColumns the JSON columns of each entry as stored, oldest first
	 * @param eventData the data of each event as stored
	 * @param entryData the additional data of each entry as read back, oldest first
	 * @param eventsRead the data of each event as read back
	 */
	record Stored(List<List<String>> entryColumns, List<String> eventData,
			List<Map<String, @Nullable Object>> entryData, List<Map<String, Object>> eventsRead) {

	}

}
