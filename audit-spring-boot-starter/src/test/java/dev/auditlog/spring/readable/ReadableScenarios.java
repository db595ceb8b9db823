package dev.auditlog.spring.readable;

import java.util.Arrays;
import java.util.List;

import dev.auditlog.AuditLog;
import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.ValueChange;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels and order that people read, written and read back from each database: an entity
 * without its own {@code toString()} as {@code Model #key}, to-one targets by their label
 * where the entity knew it, fields in one order. A subclass per database supplies it.
 */
@SpringBootTest(classes = ReadableApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false" })
abstract class ReadableScenarios {

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@BeforeEach
	void startEmpty() {
		try (AuditContext.Scope off = AuditContext.disabled()) {
			for (String table : List.of("visit", "clinic", "pet", "owner", "pet_type", "auditlog_logentry")) {
				this.jdbc.update("DELETE FROM " + table);
			}
		}
	}

	@Test
	void anEntityWithoutItsOwnToStringIsLabelledByModelAndKey() {
		long id = persist(new Visit("rabies shot", "6085551023")).getId();
		this.transaction
			.executeWithoutResult((status) -> this.entityManager.find(Visit.class, id).setTelephone("6085551749"));
		assertThat(
				this.jdbc.queryForList("SELECT object_repr FROM auditlog_logentry WHERE model = 'Visit'", String.class))
			.containsExactly("Visit #" + id, "Visit #" + id);
	}

	@Test
	void aToOneChangeShowsTheLabelsOfLoadedTargetsAndKeepsTheirIds() {
		long cat = persist(new PetType("cat")).getId();
		long dog = persist(new PetType("dog")).getId();
		long pet = persist(new Pet("Leo", this.entityManager.getReference(PetType.class, cat))).getId();
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.transaction.executeWithoutResult((status) -> {
			Pet leo = this.entityManager.find(Pet.class, pet);
			Hibernate.initialize(leo.getType());
			leo.setType(this.entityManager.find(PetType.class, dog));
		});
		String changes = this.jdbc.queryForObject("SELECT changes FROM auditlog_logentry WHERE model = 'Pet'",
				String.class);
		assertThat(changes.replace(" ", "")).contains("\"type\":[\"" + cat + "\",\"" + dog + "\"]");
		LogEntry entry = onlyEntry(Pet.class);
		assertThat(entry.changes().get("type")).isEqualTo(new ValueChange(String.valueOf(cat), String.valueOf(dog)));
		assertThat(entry.changesDisplay()).containsEntry("Type", Arrays.asList("cat", "dog"));
		assertThat(entry.changesText()).isEqualTo("type: cat → dog");
		assertThat(entry.objectRepr()).isEqualTo("Pet #" + pet);
	}

	@Test
	void aTargetThatWasNotLoadedIsShownByItsIdAndStaysUnloaded() {
		long cat = persist(new PetType("cat")).getId();
		long dog = persist(new PetType("dog")).getId();
		long pet = persist(new Pet("Leo", this.entityManager.getReference(PetType.class, cat))).getId();
		this.jdbc.update("DELETE FROM auditlog_logentry");
		PetType[] targets = new PetType[2];
		this.transaction.executeWithoutResult((status) -> {
			Pet leo = this.entityManager.find(Pet.class, pet);
			targets[0] = leo.getType();
			targets[1] = this.entityManager.getReference(PetType.class, dog);
			leo.setType(targets[1]);
		});
		assertThat(Hibernate.isInitialized(targets[0])).isFalse();
		assertThat(Hibernate.isInitialized(targets[1])).isFalse();
		LogEntry entry = onlyEntry(Pet.class);
		assertThat(entry.changesDisplay()).containsEntry("Type",
				Arrays.asList(String.valueOf(cat), String.valueOf(dog)));
		assertThat(entry.changesText()).isEqualTo("type: " + cat + " → " + dog);
	}

	@Test
	void aTargetWithoutItsOwnToStringIsShownByModelAndKey() {
		long cat = persist(new PetType("cat")).getId();
		long pet = persist(new Pet("Leo", this.entityManager.getReference(PetType.class, cat))).getId();
		long visit = persist(new Visit("check-up", "6085551023")).getId();
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.transaction.executeWithoutResult((status) -> this.entityManager.find(Visit.class, visit)
			.setPet(this.entityManager.find(Pet.class, pet)));
		LogEntry entry = onlyEntry(Visit.class);
		assertThat(entry.changesDisplay()).containsEntry("Pet", Arrays.asList(null, "Pet #" + pet));
		assertThat(entry.changesText()).isEqualTo("pet: null → Pet #" + pet);
	}

	@Test
	void fieldsAreListedByNameInEveryReadingOfEveryEntry() {
		long id = persist(new Visit("rabies shot", "6085551023")).getId();
		this.transaction.executeWithoutResult((status) -> {
			Visit visit = this.entityManager.find(Visit.class, id);
			visit.setTelephone("6085551749");
			visit.setDescription("rabies booster");
		});
		List<LogEntry> entries = this.auditLog.query(this.auditLog.forModel(Visit.class).build()).entries();
		assertThat(entries).hasSize(2);
		for (LogEntry entry : entries) {
			List<String> fields = List.copyOf(entry.changes().fields());
			assertThat(fields).isSorted();
			assertThat(List.copyOf(entry.changes().toJsonValue().keySet())).isEqualTo(fields);
			assertThat(List.copyOf(entry.changesDisplay().keySet()))
				.isEqualTo(fields.stream().map(dev.auditlog.core.DisplayRules::humanize).toList());
		}
		LogEntry update = entries.stream().filter((entry) -> entry.action() == Action.UPDATE).findFirst().orElseThrow();
		assertThat(update.changesText())
			.isEqualTo("description: rabies shot → rabies booster; telephone: 6085551023 → 6085551749");
		LogEntry create = entries.stream().filter((entry) -> entry.action() == Action.CREATE).findFirst().orElseThrow();
		assertThat(create.changes().fields()).containsExactly("description", "id", "telephone");
	}

	@Test
	void aNewChildOfAOneToManyCollectionWithAJoinColumnIsLoggedWithItsParent() {
		long cat = persist(new PetType("cat")).getId();
		Owner george = new Owner("George Franklin");
		george.getPets().add(new Pet("Leo", this.entityManager.getReference(PetType.class, cat)));
		long owner = persist(george).getId();
		long leo = george.getPets().get(0).getId();
		long basil = this.transaction.execute((status) -> {
			Pet pet = new Pet("Basil", this.entityManager.getReference(PetType.class, cat));
			this.entityManager.find(Owner.class, owner).getPets().add(pet);
			return pet;
		}).getId();
		LogEntry leoCreated = this.auditLog
			.find(this.jdbc.queryForObject("SELECT id FROM auditlog_logentry WHERE model = 'Pet' AND object_pk = ?",
					Long.class, String.valueOf(leo)))
			.orElseThrow();
		assertThat(leoCreated.changes().get("owner")).isEqualTo(new ValueChange(null, String.valueOf(owner)));
		assertThat(leoCreated.changesDisplay()).containsEntry("Owner", Arrays.asList(null, "George Franklin"));
		String basilChanges = this.jdbc.queryForObject(
				"SELECT changes FROM auditlog_logentry WHERE model = 'Pet' AND object_pk = ?", String.class,
				String.valueOf(basil));
		assertThat(basilChanges.replace(" ", "")).contains("\"owner\":[null,\"" + owner + "\"]");
		List<LogEntry> entries = this.auditLog.query(this.auditLog.forModel(Owner.class).build()).entries();
		assertThat(entries).extracting(LogEntry::changesText)
			.containsExactly("pets: add Pet #" + basil,
					"id: null → " + owner + "; name: null → George Franklin; pets: add Pet #" + leo);
	}

	@Test
	void aNewChildIsLoggedWithItsParentByDefaultWhenCreatedWithItOrAddedToIt() {
		Clinic clinic = new Clinic("Madison");
		clinic.getVisits().add(new Visit("rabies shot", "6085551023"));
		long clinicId = persist(clinic).getId();
		long first = clinic.getVisits().get(0).getId();
		Visit later = new Visit("check-up", "6085551749");
		this.transaction
			.executeWithoutResult((status) -> this.entityManager.find(Clinic.class, clinicId).getVisits().add(later));
		for (long visit : List.of(first, later.getId())) {
			String changes = this.jdbc.queryForObject(
					"SELECT changes FROM auditlog_logentry WHERE model = 'Visit' AND object_pk = ?", String.class,
					String.valueOf(visit));
			assertThat(changes.replace(" ", "")).as("visit %s", visit)
				.contains("\"clinic\":[null,\"" + clinicId + "\"]");
		}
		LogEntry created = this.auditLog
			.query(this.auditLog.forModel(Visit.class).objectPk(String.valueOf(first)).build())
			.entries()
			.get(0);
		assertThat(created.changesDisplay()).containsEntry("Clinic", Arrays.asList(null, "Madison"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM auditlog_logentry WHERE model = 'Clinic'",
				Integer.class))
			.isEqualTo(1);
	}

	private LogEntry onlyEntry(Class<?> model) {
		List<LogEntry> entries = this.auditLog.query(this.auditLog.forModel(model).build()).entries();
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private <T> T persist(T entity) {
		this.transaction.executeWithoutResult((status) -> this.entityManager.persist(entity));
		return entity;
	}

}
