package dev.auditlog.spring.changes;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;

import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.ValueChange;
import dev.auditlog.spring.changes.ChangesSupport.StatementCounter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * What counts as a change, run on each database by a subclass that supplies the data
 * source: a version increment alone is none, bags count their duplicates, an ordered list
 * its order, bytes their content, values are compared as their columns store them, and a
 * {@code StatelessSession}'s changes are logged without reading anything.
 */
@SpringBootTest(classes = ChangesApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false" })
abstract class ChangeScenarios {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	/**
	 * Return whether the database truncates fractional seconds beyond a column's
	 * precision (MariaDB) rather than rounding them (PostgreSQL, H2).
	 */
	abstract boolean truncatesFractionalSeconds();

	/**
	 * Return whether the database returns {@code char(n)} text padded with spaces to
	 * {@code n} (PostgreSQL, H2) rather than without trailing spaces (MariaDB).
	 */
	abstract boolean padsFixedLengthText();

	/**
	 * Return whether Hibernate binds an {@code OffsetTime} through {@code java.sql.Time},
	 * without fractional seconds (PostgreSQL).
	 */
	boolean truncatesOffsetTime() {
		return false;
	}

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			for (String table : List.of("card_barcode", "card_step", "card_attribute", "card_alias", "card_contact",
					"card", "reading_weight", "reading", "memo", "auditlog_logentry")) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
		this.statements.reset();
	}

	// a version increment alone

	@Test
	void versionIncrementOfAChangeToAnIgnoredFieldWritesNoEntry() {
		inTransaction((em) -> em.persist(new Card(1L, "Ann")));
		inTransaction((em) -> em.find(Card.class, 1L).setLastLoginAt(Instant.parse("2025-01-01T10:00:00Z")));
		assertThat(this.jdbc.queryForObject("SELECT version FROM card WHERE id = 1", Long.class)).isEqualTo(1L);
		assertThat(this.jdbc.queryForObject("SELECT last_login_at FROM card WHERE id = 1", Object.class)).isNotNull();
		assertThat(entries()).extracting(Entry::action).containsExactly(Action.CREATE);
	}

	@Test
	void versionIncrementAlongsideAnAuditedChangeIsLogged() {
		inTransaction((em) -> em.persist(new Card(1L, "Ann")));
		inTransaction((em) -> {
			Card card = em.find(Card.class, 1L);
			card.setHolder("Bea");
			card.setLastLoginAt(Instant.parse("2025-01-01T10:00:00Z"));
		});
		assertThat(last().changes()).containsExactly(entry("holder", new ValueChange("Ann", "Bea")),
				entry("version", new ValueChange("0", "1")));
	}

	@Test
	void aValueHibernateGeneratesOnUpdateIsLoggedWithTheChangeThatCausedIt() {
		inTransaction((em) -> em.persist(new Memo(1L, "draft")));
		Instant created = this.jdbc.queryForObject("SELECT touched_at FROM memo WHERE id = 1", Timestamp.class)
			.toInstant();
		await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(created));
		inTransaction((em) -> em.find(Memo.class, 1L).setText("final"));
		Instant touched = this.jdbc.queryForObject("SELECT touched_at FROM memo WHERE id = 1", Timestamp.class)
			.toInstant();
		assertThat(touched).isAfter(created);
		Map<String, FieldChange> changes = last().changes();
		assertThat(changes).containsOnlyKeys("text", "touchedAt")
			.containsEntry("text", new ValueChange("draft", "final"));
		ValueChange stamp = (ValueChange) changes.get("touchedAt");
		assertThat(stamp.oldValue()).isNotNull().isNotEqualTo(stamp.newValue());
		assertThat(stamp.newValue()).isNotNull();
	}

	// bags, ordered lists, bytes

	@Test
	void creationListsEveryDuplicateOfABag() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getBarcodes().addAll(List.of("X", "X"));
			card.getSteps().addAll(List.of("b", "a"));
			em.persist(card);
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM card_barcode", Integer.class)).isEqualTo(2);
		assertThat(last().changes()).containsEntry("barcodes", new CollectionChange(Operation.ADD, List.of("X", "X")))
			.containsEntry("steps", new CollectionChange(Operation.ADD, List.of("a", "b")));
	}

	@Test
	void removingOneOfTwoDuplicatesIsLoggedWithoutReading() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getBarcodes().addAll(List.of("X", "X", "Y"));
			em.persist(card);
		});
		this.statements.reset();
		inTransaction((em) -> em.find(Card.class, 1L).getBarcodes().remove("X"));
		List<String> selects = this.statements.selects();
		assertThat(this.jdbc.queryForList("SELECT barcode FROM card_barcode ORDER BY barcode", String.class))
			.containsExactly("X", "Y");
		assertThat(entries()).hasSize(2);
		assertThat(last().changes())
			.containsExactly(entry("barcodes", new CollectionChange(Operation.DELETE, List.of("X"))));
		// the application's own reads: the card, its array (always fetched) and its
		// barcodes
		assertThat(selects).as("%s", selects).hasSize(3).noneMatch((sql) -> sql.contains("auditlog"));
	}

	@Test
	void addingASecondDuplicateIsLogged() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getBarcodes().add("X");
			em.persist(card);
		});
		inTransaction((em) -> em.find(Card.class, 1L).getBarcodes().add("X"));
		assertThat(last().changes())
			.containsExactly(entry("barcodes", new CollectionChange(Operation.ADD, List.of("X"))));
	}

	@Test
	void reorderingABagIsNoChange() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getBarcodes().addAll(List.of("X", "Y", "Z"));
			em.persist(card);
		});
		inTransaction((em) -> Collections.reverse(em.find(Card.class, 1L).getBarcodes()));
		assertThat(entries()).extracting(Entry::action).containsExactly(Action.CREATE);
	}

	@Test
	void reorderingAnOrderedListIsLoggedAsItsOrderBeforeAndAfter() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getSteps().addAll(List.of("a", "b", "c"));
			em.persist(card);
		});
		inTransaction((em) -> Collections.swap(em.find(Card.class, 1L).getSteps(), 0, 1));
		assertThat(this.jdbc.queryForList("SELECT step FROM card_step ORDER BY position", String.class))
			.containsExactly("b", "a", "c");
		assertThat(last().changes()).containsExactly(entry("steps", new ValueChange("[a, b, c]", "[b, a, c]")));
	}

	@Test
	void changedKeyOfAMapIsLogged() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getAttributes().put("color", "red");
			em.persist(card);
		});
		assertThat(last().changes()).containsEntry("attributes",
				new CollectionChange(Operation.ADD, List.of("color=red")));
		inTransaction((em) -> {
			Map<String, String> attributes = em.find(Card.class, 1L).getAttributes();
			attributes.put("colour", attributes.remove("color"));
		});
		assertThat(this.jdbc.queryForObject("SELECT name FROM card_attribute", String.class)).isEqualTo("colour");
		assertThat(entries().subList(1, entries().size())).extracting(Entry::changes)
			.containsExactly(Map.of("attributes", new CollectionChange(Operation.ADD, List.of("colour=red"))),
					Map.of("attributes", new CollectionChange(Operation.DELETE, List.of("color=red"))));
	}

	@Test
	void maskedFieldsOfMapValuesStayMaskedWithTheirKeys() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.getContacts().put("home", new Card.Contact("Ann", "0612345678"));
			em.persist(card);
		});
		inTransaction((em) -> {
			Map<String, Card.Contact> contacts = em.find(Card.class, 1L).getContacts();
			contacts.put("work", contacts.remove("home"));
		});
		assertThat(entries()).extracting((entry) -> entry.changes().get("contacts"))
			.containsExactly(
					new CollectionChange(Operation.ADD, List.of("home={\"name\":\"Ann\",\"phone\":\"*****45678\"}")),
					new CollectionChange(Operation.ADD, List.of("work={\"name\":\"Ann\",\"phone\":\"*****45678\"}")),
					new CollectionChange(Operation.DELETE,
							List.of("home={\"name\":\"Ann\",\"phone\":\"*****45678\"}")));
		assertThat(this.jdbc.queryForList("SELECT * FROM auditlog_logentry").toString()).doesNotContain("0612345678");
	}

	@Test
	void arrayElementsAndTheirOrderAreLogged() {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.setAliases(new String[] { "a", "b" });
			em.persist(card);
		});
		assertThat(last().changes()).containsEntry("aliases", new CollectionChange(Operation.ADD, List.of("a", "b")));
		inTransaction((em) -> em.find(Card.class, 1L).setAliases(new String[] { "b", "a", "c" }));
		assertThat(this.jdbc.queryForList("SELECT alias FROM card_alias ORDER BY position", String.class))
			.containsExactly("b", "a", "c");
		assertThat(entries().subList(1, entries().size())).extracting(Entry::changes)
			.containsExactly(Map.of("aliases", new CollectionChange(Operation.ADD, List.of("c"))),
					Map.of("aliases", new ValueChange("[a, b]", "[b, a, c]")));
	}

	@Test
	void otherBytesOfTheSameLengthShowAsAChange() throws Exception {
		inTransaction((em) -> {
			Card card = new Card(1L, "Ann");
			card.setPhoto(new byte[] { 1, 2, 3 });
			em.persist(card);
		});
		inTransaction((em) -> em.find(Card.class, 1L).setPhoto(new byte[] { 3, 2, 1 }));
		byte[] stored = this.jdbc.queryForObject("SELECT photo FROM card WHERE id = 1", byte[].class);
		assertThat(stored).containsExactly(3, 2, 1);
		assertThat(last().changes()).containsEntry("photo",
				new ValueChange(binary(new byte[] { 1, 2, 3 }), binary(stored)));
		inTransaction((em) -> em.find(Card.class, 1L).setPhoto(new byte[] { 3, 2, 1 }));
		assertThat(entries()).hasSize(2);
	}

	// values as their columns store them

	@Test
	void createLogsEachValueAsItsColumnStoresIt() {
		inTransaction((em) -> em.persist(unroundedReading()));
		Map<String, FieldChange> changes = last().changes();
		boolean truncates = truncatesFractionalSeconds();
		assertThat(changes)
			.containsEntry("takenAt",
					created(truncates ? "2024-03-01T10:15:30.123456Z" : "2024-03-01T10:15:30.123457Z"))
			.containsEntry("takenAtMillis",
					created(truncates ? "2024-03-01T10:15:30.123Z" : "2024-03-01T10:15:30.124Z"))
			.containsEntry("localAt", created(truncates ? "2024-03-01T10:15:30.999999" : "2024-03-01T10:15:31"))
			.containsEntry("offsetAt", created(truncates ? "2024-03-01T08:15:30.999999Z" : "2024-03-01T08:15:31Z"))
			.containsEntry("zonedAt",
					created(truncates ? "2024-03-01T09:15:30.123456Z" : "2024-03-01T09:15:30.123457Z"))
			.containsEntry("sqlStamp", created(truncates ? "2024-03-01T10:15:30.999999Z" : "2024-03-01T10:15:31Z"))
			.containsEntry("calendarAt",
					created(calendarWallTime(truncates ? "2024-03-01T19:15:30" : "2024-03-01T19:15:31")))
			.containsEntry("calendarDay", created("2024-03-02"))
			.containsEntry("calendarClock", created("05:00"))
			.containsEntry("localTime", created(truncates ? "10:15:30" : "10:15:31"))
			.containsEntry("offsetTime", created(truncates || truncatesOffsetTime() ? "08:15:30Z" : "08:15:31Z"))
			.containsEntry("legacyStamp", created("2024-03-01T10:15:30.623Z"))
			.containsEntry("legacyDay", created("2024-03-01"))
			.containsEntry("legacyClock", created(truncates ? "10:15:30" : "10:15:31"))
			.containsEntry("amount", created("12.35"))
			.containsEntry("defaultScale", created("1.01"))
			.containsEntry("code", created(padsFixedLengthText() ? "ab   " : "ab"))
			.containsEntry("kind", created(padsFixedLengthText() ? "ab  " : "ab"))
			.containsEntry("label", created("TEA"))
			.containsEntry("window.opens", created(truncates ? "09:00" : "09:00:01"))
			.containsEntry("window.rate", created("0.124"))
			.containsEntry("weights", new CollectionChange(Operation.ADD, List.of("1.3", "1.3")));
		assertThat(this.jdbc.queryForObject("SELECT amount FROM reading", BigDecimal.class)).isEqualTo("12.35");
		assertThat(this.jdbc.queryForObject("SELECT default_scale FROM reading", BigDecimal.class)).isEqualTo("1.01");
		assertThat(this.jdbc.queryForObject("SELECT code FROM reading", String.class))
			.isEqualTo(padsFixedLengthText() ? "ab   " : "ab");
		assertThat(this.jdbc.queryForObject("SELECT label FROM reading", String.class)).isEqualTo("TEA");
		assertThat(this.jdbc.queryForList("SELECT weight FROM reading_weight", BigDecimal.class))
			.containsExactly(new BigDecimal("1.3"), new BigDecimal("1.3"));
	}

	@Test
	void loggedValuesAreTheValuesTheDatabaseGivesBack() {
		inTransaction((em) -> em.persist(unroundedReading()));
		Map<String, FieldChange> created = last().changes();
		// delete what was loaded back: its old values are the database's
		inTransaction((em) -> em.remove(em.find(Reading.class, 1L)));
		Map<String, FieldChange> deleted = last().changes();
		assertThat(deleted.keySet())
			.containsAll(created.keySet().stream().filter((field) -> !field.equals("weights")).toList());
		deleted.forEach((field, change) -> assertThat(((ValueChange) change).oldValue()).as(field)
			.isEqualTo(((ValueChange) created.get(field)).newValue()));
	}

	@Test
	void writingBackTheValuesTheApplicationHeldIsNoChange() {
		inTransaction((em) -> em.persist(unroundedReading()));
		this.statements.reset();
		inTransaction((em) -> {
			Reading again = unroundedReading();
			Reading loaded = em.find(Reading.class, 1L);
			copy(again, loaded);
			loaded.getWeights().set(0, new BigDecimal("1.26"));
		});
		// Hibernate saw other Java values and wrote them: the columns hold the same
		assertThat(this.statements.count("update reading")).isEqualTo(1);
		assertThat(entries()).extracting(Entry::action).containsExactly(Action.CREATE);
	}

	// StatelessSession

	@Test
	void statelessInsertUpdateAndDeleteAreLoggedWithoutReading() {
		SessionFactory sessions = this.entityManagerFactory.unwrap(SessionFactory.class);
		sessions.inStatelessTransaction((session) -> {
			Card card = new Card(1L, "Ann");
			card.getBarcodes().addAll(List.of("X", "X"));
			session.insert(card);
		});
		List<String> insertSelects = this.statements.selects();
		Entry created = last();
		assertThat(created.action()).isEqualTo(Action.CREATE);
		assertThat(created.changes()).containsEntry("holder", new ValueChange(null, "Ann"))
			.containsEntry("barcodes", new CollectionChange(Operation.ADD, List.of("X", "X")));
		assertThat(created.additionalData()).isNull();
		assertThat(insertSelects).isEmpty();

		sessions.inStatelessTransaction((session) -> {
			Card card = session.get(Card.class, 1L);
			card.setHolder("Bea");
			this.statements.reset();
			session.update(card);
		});
		List<String> updateSelects = this.statements.selects();
		Entry updated = last();
		assertThat(updated.action()).isEqualTo(Action.UPDATE);
		assertThat(updated.changes()).containsExactly(entry("holder", new ValueChange(null, "Bea")),
				entry("id", new ValueChange(null, "1")), entry("version", new ValueChange(null, "1")));
		assertThat(updated.additionalData()).containsExactly(entry("oldState", "unknown"));
		assertThat(updateSelects).isEmpty();

		sessions.inStatelessTransaction((session) -> {
			Card card = session.get(Card.class, 1L);
			// a StatelessSession deletes only the collections it has fetched
			session.fetch(card.getBarcodes());
			session.fetch(card.getSteps());
			this.statements.reset();
			session.delete(card);
		});
		List<String> deleteSelects = this.statements.selects();
		Entry deleted = last();
		assertThat(deleted.action()).isEqualTo(Action.DELETE);
		assertThat(deleted.changes()).containsExactly(entry("holder", new ValueChange("Bea", null)),
				entry("id", new ValueChange("1", null)), entry("version", new ValueChange("1", null)));
		assertThat(deleted.additionalData()).containsExactly(entry("oldState", "entity"));
		assertThat(deleteSelects).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM card", Integer.class)).isZero();
		assertThat(entries()).hasSize(3);
	}

	@Test
	void statelessUpdateOfACollectionLogsItsElementsNow() {
		SessionFactory sessions = this.entityManagerFactory.unwrap(SessionFactory.class);
		sessions.inStatelessTransaction((session) -> session.insert(new Card(1L, "Ann")));
		sessions.inStatelessTransaction((session) -> {
			Card card = session.get(Card.class, 1L);
			session.fetch(card.getBarcodes());
			card.getBarcodes().addAll(List.of("Y", "X"));
			session.update(card);
		});
		Entry updated = last();
		assertThat(updated.changes()).containsEntry("barcodes", new CollectionChange(Operation.ADD, List.of("X", "Y")));
		assertThat(updated.additionalData()).containsExactly(entry("oldState", "unknown"));
		assertThat(entries()).hasSize(2);
	}

	@Test
	void statelessUpsertIsLoggedAsAnUpdateWhoseOldStateIsUnknown() {
		SessionFactory sessions = this.entityManagerFactory.unwrap(SessionFactory.class);
		sessions.inStatelessTransaction((session) -> session.upsert(new Card(1L, "Ann")));
		assertThat(this.jdbc.queryForObject("SELECT holder FROM card WHERE id = 1", String.class)).isEqualTo("Ann");
		Entry upserted = last();
		assertThat(upserted.action()).isEqualTo(Action.UPDATE);
		assertThat(upserted.changes()).containsEntry("holder", new ValueChange(null, "Ann"));
		assertThat(upserted.additionalData()).containsExactly(entry("oldState", "unknown"));
	}

	@Test
	void statelessChangeOutsideATransactionIsWrittenAtOnce() {
		SessionFactory sessions = this.entityManagerFactory.unwrap(SessionFactory.class);
		try (StatelessSession session = sessions.openStatelessSession()) {
			session.insert(new Card(1L, "Ann"));
			assertThat(entries()).extracting(Entry::action).containsExactly(Action.CREATE);
			Card card = session.get(Card.class, 1L);
			session.delete(card);
		}
		assertThat(entries()).extracting(Entry::action).containsExactly(Action.CREATE, Action.DELETE);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM card", Integer.class)).isZero();
	}

	@Test
	void statelessRollbackLeavesNoEntry() {
		SessionFactory sessions = this.entityManagerFactory.unwrap(SessionFactory.class);
		try (StatelessSession session = sessions.openStatelessSession()) {
			Transaction transaction = session.beginTransaction();
			session.insert(new Card(1L, "Ann"));
			transaction.rollback();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM card", Integer.class)).isZero();
		assertThat(entries()).isEmpty();
	}

	@Test
	void statelessSessionSharingTheSpringTransactionIsLoggedInIt() {
		this.transaction.executeWithoutResult((status) -> {
			try (StatelessSession session = this.entityManager.unwrap(Session.class)
				.statelessWithOptions()
				.connection()
				.open()) {
				session.insert(new Card(1L, "Ann"));
			}
		});
		assertThat(entries()).extracting(Entry::action).containsExactly(Action.CREATE);
		this.transaction.executeWithoutResult((status) -> {
			try (StatelessSession session = this.entityManager.unwrap(Session.class)
				.statelessWithOptions()
				.connection()
				.open()) {
				session.insert(new Card(2L, "Bea"));
			}
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM card", Integer.class)).isOne();
		assertThat(entries()).hasSize(1);
	}

	private static Reading unroundedReading() {
		Reading reading = new Reading(1L);
		reading.setTakenAt(Instant.parse("2024-03-01T10:15:30.123456789Z"));
		reading.setTakenAtMillis(Instant.parse("2024-03-01T10:15:30.1235Z"));
		reading.setLocalAt(LocalDateTime.parse("2024-03-01T10:15:30.9999995"));
		reading.setOffsetAt(OffsetDateTime.parse("2024-03-01T10:15:30.999999999+02:00"));
		reading.setZonedAt(ZonedDateTime.parse("2024-03-01T10:15:30.1234565+01:00[Europe/Paris]"));
		Timestamp sqlStamp = Timestamp.from(Instant.parse("2024-03-01T10:15:30Z"));
		sqlStamp.setNanos(999_999_999);
		reading.setSqlStamp(sqlStamp);
		Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
		calendar.setTimeInMillis(Instant.parse("2024-03-01T10:15:30.623Z").toEpochMilli());
		reading.setCalendarAt(calendar);
		Calendar tokyoMorning = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
		tokyoMorning.setTimeInMillis(Instant.parse("2024-03-01T20:00:00Z").toEpochMilli());
		reading.setCalendarDay(tokyoMorning);
		reading.setCalendarClock(tokyoMorning);
		reading.setLocalTime(LocalTime.parse("10:15:30.623"));
		reading.setOffsetTime(OffsetTime.parse("10:15:30.623+02:00"));
		Date legacy = Date.from(Instant.parse("2024-03-01T10:15:30.623Z"));
		reading.setLegacyStamp(legacy);
		reading.setLegacyDay(
				Date.from(LocalDateTime.parse("2024-03-01T10:15:30.623").atZone(ZoneId.systemDefault()).toInstant()));
		reading.setLegacyClock(
				Date.from(LocalDateTime.parse("2024-03-01T10:15:30.623").atZone(ZoneId.systemDefault()).toInstant()));
		reading.setAmount(new BigDecimal("12.345"));
		reading.setDefaultScale(new BigDecimal("1.005"));
		reading.setCode("ab");
		reading.setKind("ab");
		reading.setLabel("Tea");
		reading.setWindow(new Reading.Window(LocalTime.parse("09:00:00.7"), new BigDecimal("0.1235")));
		reading.getWeights().addAll(List.of(new BigDecimal("1.25"), new BigDecimal("1.26")));
		return reading;
	}

	private static void copy(Reading from, Reading to) {
		for (java.lang.reflect.Field field : Reading.class.getDeclaredFields()) {
			if (!field.getName().equals("id") && !field.getName().equals("weights")) {
				field.setAccessible(true);
				try {
					field.set(to, field.get(from));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	// Hibernate stores a Calendar's wall time (Tokyo here) and reads it in the JVM's zone
	private static String calendarWallTime(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant().toString();
	}

	private static ValueChange created(String value) {
		return new ValueChange(null, value);
	}

	private static String binary(byte[] bytes) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
		return "(binary: " + bytes.length + " bytes, sha256 " + HexFormat.of().formatHex(digest, 0, 8) + ")";
	}

	private void inTransaction(Consumer<EntityManager> work) {
		this.transaction.executeWithoutResult((status) -> work.accept(this.entityManager));
	}

	private List<Entry> entries() {
		return this.jdbc.query("SELECT action, changes, additional_data FROM auditlog_logentry ORDER BY id",
				(rs, row) -> new Entry(Action.fromValue(rs.getInt("action")),
						Changes.fromJson(rs.getString("changes")).asMap(),
						additionalData(rs.getString("additional_data"))));
	}

	private Entry last() {
		List<Entry> entries = entries();
		assertThat(entries).isNotEmpty();
		return entries.get(entries.size() - 1);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> additionalData(@Nullable String text) {
		return (text != null) ? json.readValue(text, Map.class) : null;
	}

	record Entry(Action action, Map<String, FieldChange> changes, @Nullable Map<String, Object> additionalData) {

	}

}
