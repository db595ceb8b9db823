package dev.auditlog.spring.integrity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.auditlog.AuditLog;
import dev.auditlog.core.IntegrityProblem.Kind;
import dev.auditlog.core.IntegrityProblem;
import dev.auditlog.core.IntegrityReport;
import dev.auditlog.spring.events.AuditEventStore;
import dev.auditlog.spring.query.LogEntryRepository;
import dev.auditlog.spring.schema.AuditDatabase;
import dev.auditlog.spring.testdb.TestDatabase;
import dev.auditlog.spring.testing.AfterAuditWrite;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tampering with the audit tables by SQL, as someone with full write access to the
 * database but without the signing key would, is found by verification, which names
 * exactly the entry or seal and what was done to it; untouched logs verify, also with
 * transactions that commit after a seal covered their ids and with writers, rollbacks and
 * a seal job running at once. Run on each database by a subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = IntegrityApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"auditlog.integrity.enabled=true", "auditlog.integrity.hmac-key=" + IntegrityScenarios.KEY,
				"auditlog.integrity.key-id=k1", "auditlog.integrity.seal-interval=1h",
				"management.endpoints.web.exposure.include=auditlog" })
abstract class IntegrityScenarios {

	static final String KEY = "test-key-of-the-integrity-scenarios-0123456789";

	static final String OTHER_KEY = "another-test-key-after-rotation-0123456789";

	static final int CONCURRENT_WRITERS = 16;

	private static final Logger logger = LoggerFactory.getLogger(IntegrityScenarios.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditLog auditLog;

	@Autowired
	LogEntrySealer sealer;

	@Autowired
	AuditEventStore events;

	@Autowired
	LogEntryRepository repository;

	@LocalServerPort
	int port;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String user;

	@Value("${spring.datasource.password}")
	String password;

	static void register(TestDatabase database, DynamicPropertyRegistry registry) {
		// a connection for each concurrent writer, the two seal jobs and the test; idle
		// ones are closed again soon, so the cached context keeps one
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> Integer.toString(CONCURRENT_WRITERS + 3));
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	@BeforeEach
	void startEmpty() {
		this.jdbc.update("DELETE FROM auditlog_seal");
		this.jdbc.update("DELETE FROM auditlog_logentry");
		this.jdbc.update("DELETE FROM auditlog_event");
		this.jdbc.update("DELETE FROM account");
	}

	@Test
	void untouchedLogVerifiesAndEveryEntryIsSealed() {
		List<Long> ids = writeEntries(6);
		assertThat(this.jdbc.queryForList("SELECT hash FROM auditlog_logentry", String.class))
			.allMatch((hash) -> hash != null && hash.matches("[0-9a-f]{64}"));
		IntegrityReport beforeSealing = this.auditLog.verify(null, null);
		assertThat(beforeSealing.problems()).isEmpty();
		assertThat(beforeSealing.pending()).isEqualTo(ids.size());
		assertThat(this.sealer.sealAll()).isEqualTo(ids.size());
		IntegrityReport report = this.auditLog.verify(null, null);
		assertThat(report.problems()).isEmpty();
		assertThat(report.valid()).isTrue();
		assertThat(report.entries()).isEqualTo(ids.size());
		assertThat(report.seals()).isEqualTo(1);
		assertThat(report.pending()).isZero();
		assertThat(sealedIds(1)).containsExactlyElementsOf(ids);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_seal", Long.class)).isOne();
	}

	@Test
	void eachSealIsPublishedAsAnEventAndALogLine(CapturedOutput output) {
		IntegrityApplication.seals.clear();
		writeEntries(3);
		this.sealer.sealAll();
		assertThat(IntegrityApplication.seals).singleElement().satisfies((event) -> {
			assertThat(event.getTable()).isEqualTo("auditlog_logentry");
			assertThat(event.getSealId()).isEqualTo(1);
			assertThat(event.getEntryCount()).isEqualTo(3);
			assertThat(event.getKeyId()).isEqualTo("k1");
			assertThat(event.getSignature())
				.isEqualTo(this.jdbc.queryForObject("SELECT signature FROM auditlog_seal WHERE id = 1", String.class));
		});
		assertThat(output.getAll()).contains("Sealed 3 audit log entries")
			.contains(IntegrityApplication.seals.get(0).getSignature())
			.doesNotContain(KEY);
	}

	@Test
	void windowVerifiesOnlyTheSealsCreatedInIt() {
		threeSeals();
		Instant second = this.jdbc.queryForObject("SELECT created FROM auditlog_seal WHERE id = 2",
				(rs, row) -> database().timestamp(rs, 1));
		long sealedFirst = sealedIds(1).get(0);
		this.jdbc.update("UPDATE auditlog_logentry SET actor = 'mallory' WHERE id = ?", sealedFirst);
		IntegrityReport fromSecond = this.auditLog.verify(second, null);
		assertThat(fromSecond.problems()).isEmpty();
		assertThat(fromSecond.seals()).isEqualTo(2);
		IntegrityReport untilSecond = this.auditLog.verify(null, second);
		assertThat(untilSecond.seals()).isEqualTo(1);
		assertThat(untilSecond.problems()).containsExactly(IntegrityProblem.entry(sealedFirst, Kind.MODIFIED));
	}

	@Test
	void endpointRefusesABadWindow() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/auditlog/verify?from=yesterday"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("parameter").asString()).isEqualTo("from");
	}

	@Test
	void changedChangesAreNamedModified() {
		List<Long> ids = sealedEntries();
		this.jdbc.update("UPDATE auditlog_logentry SET changes = " + database().jsonParameter() + " WHERE id = ?",
				"{\"name\": [\"x\", \"y\"]}", ids.get(2));
		assertProblems(IntegrityProblem.entry(ids.get(2), Kind.MODIFIED));
	}

	@Test
	void changedActorIsNamedModifiedEvenWithItsHashRecomputed() {
		List<Long> ids = sealedEntries();
		this.jdbc.update("UPDATE auditlog_logentry SET actor = 'mallory' WHERE id = ?", ids.get(1));
		this.jdbc.update("UPDATE auditlog_logentry SET actor = 'mallory' WHERE id = ?", ids.get(3));
		this.jdbc.update("UPDATE auditlog_logentry SET hash = ? WHERE id = ?", recomputedHash(ids.get(3)), ids.get(3));
		assertProblems(IntegrityProblem.entry(ids.get(1), Kind.MODIFIED),
				IntegrityProblem.entry(ids.get(3), Kind.MODIFIED));
	}

	@Test
	void aTenantSetOrClearedAfterwardsIsNamedModified() {
		List<Long> ids = sealedEntries();
		this.jdbc.update("UPDATE auditlog_logentry SET tenant = 'acme' WHERE id = ?", ids.get(2));
		assertProblems(IntegrityProblem.entry(ids.get(2), Kind.MODIFIED));
		this.jdbc.update("UPDATE auditlog_logentry SET tenant = NULL WHERE id = ?", ids.get(2));
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
	}

	@Test
	void deletedEntryIsNamedMissing() {
		List<Long> ids = sealedEntries();
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", ids.get(4));
		assertProblems(IntegrityProblem.entry(ids.get(4), Kind.MISSING));
	}

	@Test
	void forgedEntryInAClosedGapIsNamedInsertedButInAnOpenGapLooksLikeALateCommit() {
		List<Long> ids = writeEntries(3);
		long lost = forge(ids.get(0));
		List<Long> later = writeEntries(3);
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", lost);
		this.sealer.sealAll();
		assertThat(this.jdbc.queryForObject("SELECT gaps FROM auditlog_seal WHERE id = 1", String.class))
			.contains(lost + " " + lost + " ");
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		// within max-seal-delay, a row in an open gap is a late commit: pending, then
		// sealed
		forgeAs(ids.get(1), lost);
		IntegrityReport pending = this.auditLog.verify(null, null);
		assertThat(pending.problems()).isEmpty();
		assertThat(pending.pending()).isOne();
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", lost);
		// a sealer whose max-seal-delay has passed closes the gap
		LogEntrySealer closing = new LogEntrySealer(this.dataSource, database(), SealKeys.hmac("k1", KEY, Map.of()),
				Clock.systemUTC(), Duration.ofHours(1), Duration.ofNanos(1000), 100, null);
		assertThat(closing.sealAll()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT gaps FROM auditlog_seal WHERE id = 2", String.class))
			.doesNotContain(lost + " " + lost + " ");
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		forgeAs(ids.get(1), lost);
		assertProblems(IntegrityProblem.entry(lost, Kind.INSERTED));
		assertThat(later).isNotEmpty();
	}

	@Test
	void forgedEntryWithoutHashIsNamedInserted() {
		List<Long> ids = sealedEntries();
		long forged = forge(ids.get(0));
		this.jdbc.update("UPDATE auditlog_logentry SET hash = NULL WHERE id = ?", forged);
		assertProblems(IntegrityProblem.entry(forged, Kind.INSERTED));
		assertThat(this.sealer.sealAll()).isZero();
		assertThat(sealedIds(2)).isEmpty();
		assertProblems(IntegrityProblem.entry(forged, Kind.INSERTED));
	}

	@Test
	void rowsWithoutHashWithinTheGraceOfARollingDeploymentAreSealedByTheirPresence() {
		List<Long> ids = sealedEntries();
		long hashless = forge(ids.get(0));
		this.jdbc.update("UPDATE auditlog_logentry SET hash = NULL WHERE id = ?", hashless);
		Instant until = Clock.systemUTC().instant().plus(Duration.ofMinutes(5));
		IntegrityVerifier graceful = new IntegrityVerifier(this.dataSource, SealKeys.hmac("k1", KEY, Map.of()),
				Clock.systemUTC(), Duration.ofHours(1), until);
		IntegrityReport pending = graceful.verify(null, null);
		assertThat(pending.problems()).isEmpty();
		assertThat(pending.pending()).isOne();
		this.sealer.sealUnhashedUntil(until);
		try {
			this.sealer.sealAll();
		}
		finally {
			this.sealer.sealUnhashedUntil(null);
		}
		assertThat(this.jdbc.queryForObject("SELECT entries FROM auditlog_seal WHERE id = 2", String.class))
			.startsWith(hashless + " - ");
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		this.jdbc.update("UPDATE auditlog_logentry SET hash = ? WHERE id = ?", "0".repeat(64), hashless);
		assertProblems(IntegrityProblem.entry(hashless, Kind.MODIFIED));
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", hashless);
		assertProblems(IntegrityProblem.entry(hashless, Kind.MISSING));
	}

	@Test
	void swappedIdsAreNamedModified() {
		List<Long> ids = sealedEntries();
		long first = ids.get(1);
		long second = ids.get(3);
		long spare = ids.get(ids.size() - 1) + 1000;
		this.jdbc.update("UPDATE auditlog_logentry SET id = ? WHERE id = ?", spare, first);
		this.jdbc.update("UPDATE auditlog_logentry SET id = ? WHERE id = ?", first, second);
		this.jdbc.update("UPDATE auditlog_logentry SET id = ? WHERE id = ?", second, spare);
		assertProblems(IntegrityProblem.entry(first, Kind.MODIFIED), IntegrityProblem.entry(second, Kind.MODIFIED));
	}

	@Test
	void deletedSealIsNamedMissing() {
		threeSeals();
		this.jdbc.update("DELETE FROM auditlog_seal WHERE id = 2");
		assertProblems(IntegrityProblem.seal(2, Kind.MISSING));
	}

	@Test
	void deletedLastSealIsFoundOnlyThroughThePublishedSeals() {
		IntegrityApplication.seals.clear();
		threeSeals();
		String published = IntegrityApplication.seals.get(2).getSignature();
		this.jdbc.update("DELETE FROM auditlog_seal WHERE id = 3");
		// its entries look like entries waiting for a seal, and are sealed again
		IntegrityReport report = this.auditLog.verify(null, null);
		assertThat(report.problems()).isEmpty();
		assertThat(report.pending()).isEqualTo(2);
		List<PublishedSeal> seals = IntegrityApplication.seals.stream().map(PublishedSeal::of).toList();
		assertThat(verifier(SealKeys.hmac("k1", KEY, Map.of())).verify(null, null, seals).problems())
			.containsExactly(IntegrityProblem.seal(3, Kind.MISSING));
		this.sealer.sealAll();
		assertThat(this.jdbc.queryForObject("SELECT signature FROM auditlog_seal WHERE id = 3", String.class))
			.isNotEqualTo(published);
		// a seal made again under the same number is not the one published
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		assertThat(verifier(SealKeys.hmac("k1", KEY, Map.of())).verify(null, null, seals).problems())
			.containsExactly(IntegrityProblem.seal(3, Kind.MISSING));
		assertThat(PublishedSeal.parse("2025-01-31 INFO --- [auditlog-seal-1] LogEntrySealer : Sealed 2 audit log "
				+ "entries (range 5 to 6) in seal 3 of auditlog_logentry signed with key 'k1': " + published))
			.isEqualTo(new PublishedSeal("auditlog_logentry", 3, published));
		assertThat(PublishedSeal.parse("auditlog_event 7 abc"))
			.isEqualTo(new PublishedSeal("auditlog_event", 7, "abc"));
		assertThat(PublishedSeal.parse("Started the application")).isNull();
	}

	@Test
	void editedSealHasABadSignature() {
		threeSeals();
		this.jdbc.update("UPDATE auditlog_seal SET entry_count = entry_count + 1 WHERE id = 2");
		assertProblems(IntegrityProblem.seal(2, Kind.BAD_SIGNATURE));
	}

	@Test
	void sealWithAReplacedSignatureBreaksTheChain() {
		threeSeals();
		this.jdbc.update("UPDATE auditlog_seal SET signature = ? WHERE id = 2", "0".repeat(64));
		assertProblems(IntegrityProblem.seal(2, Kind.BAD_SIGNATURE), IntegrityProblem.seal(3, Kind.BROKEN_CHAIN));
	}

	@Test
	void editedSealedHashNamesTheSealAndTheEntry() {
		threeSeals();
		List<Long> ids = sealedIds(2);
		String entries = this.jdbc.queryForObject("SELECT entries FROM auditlog_seal WHERE id = 2", String.class);
		this.jdbc.update("UPDATE auditlog_seal SET entries = ? WHERE id = 2",
				entries.replaceFirst(ids.get(0) + " [0-9a-f]{64}", ids.get(0) + " " + "f".repeat(64)));
		assertProblems(IntegrityProblem.seal(2, Kind.BAD_SIGNATURE), IntegrityProblem.entry(ids.get(0), Kind.MODIFIED));
	}

	@Test
	void forgedSealHasABadSignature() {
		threeSeals();
		String last = this.jdbc.queryForObject("SELECT signature FROM auditlog_seal WHERE id = 3", String.class);
		this.jdbc.update(
				"INSERT INTO auditlog_seal (id, created, entry_count, first_id, last_id, entries, "
						+ "previous_signature, key_id, signature) VALUES (4, ?, 0, 0, 0, '', ?, 'k1', ?)",
				database().timestamp(Clock.systemUTC().instant()), last, "a".repeat(64));
		assertProblems(IntegrityProblem.seal(4, Kind.BAD_SIGNATURE));
	}

	@Test
	void aFlushOfEverythingBeforeAFarFutureInstantStillVerifies() {
		writeEntries(3);
		this.sealer.sealAll();
		// beyond 2262 a nanosecond count no longer fits a long; the checkpoint is signed
		// and
		// kept, so every later verification reads it
		for (String before : List.of("2262-04-12T00:00:00Z", "9999-12-31T00:00:00Z")) {
			this.auditLog.flush(Instant.parse(before));
			IntegrityReport report = this.auditLog.verify(null, null);
			assertThat(report.problems()).as(before).isEmpty();
			assertThat(report.entries()).as(before).isZero();
		}
	}

	@Test
	void entriesDeletedOnPurposeLeaveTheLogValidButOtherDeletionsAreNamed() {
		List<Long> old = writeEntries(3);
		this.sealer.sealAll();
		List<Long> recent = writeEntries(3);
		this.sealer.sealAll();
		Instant before = this.jdbc.queryForObject("SELECT MIN(timestamp) FROM auditlog_logentry WHERE id >= ?",
				(rs, row) -> database().timestamp(rs, 1), recent.get(0));
		assertThat(this.auditLog.flush(before)).isEqualTo(old.size());
		Instant deletedBefore = this.jdbc.queryForObject("SELECT deleted_before FROM auditlog_seal WHERE id = 3",
				(rs, row) -> database().timestamp(rs, 1));
		assertThat(deletedBefore).isEqualTo(before);
		IntegrityReport afterRetention = this.auditLog.verify(null, null);
		assertThat(afterRetention.problems()).isEmpty();
		// seal 1, made before the checkpoint's instant, was pruned
		assertThat(afterRetention.seals()).isEqualTo(2);
		assertThat(this.jdbc.queryForList("SELECT id FROM auditlog_seal ORDER BY id", Long.class)).containsExactly(2L,
				3L);
		assertThat(afterRetention.entries()).isEqualTo(recent.size());
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", recent.get(1));
		assertProblems(IntegrityProblem.entry(recent.get(1), Kind.MISSING));
	}

	@Test
	void prunedSealsLeaveTheRestVerifiableAndTamperingBelowThemIsNamed() {
		List<Long> old = writeEntries(3);
		this.sealer.sealAll();
		List<Long> recent = writeEntries(3);
		this.sealer.sealAll();
		writeEntries(2);
		this.sealer.sealAll();
		Instant before = this.jdbc.queryForObject("SELECT MIN(timestamp) FROM auditlog_logentry WHERE id >= ?",
				(rs, row) -> database().timestamp(rs, 1), recent.get(0));
		// the repository called directly records the checkpoint too
		assertThat(this.repository.deleteBefore(before)).isEqualTo(old.size());
		assertThat(this.jdbc.queryForList("SELECT id FROM auditlog_seal ORDER BY id", Long.class)).containsExactly(2L,
				3L, 4L);
		assertThat(this.jdbc.queryForObject("SELECT pruned FROM auditlog_seal WHERE id = 4", String.class))
			.startsWith("1 " + old.get(old.size() - 1) + " ");
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		// a second deletion at the same instant records nothing new
		this.auditLog.flush(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_seal", Long.class)).isEqualTo(3);
		forgeAs(recent.get(0), old.get(1));
		assertProblems(IntegrityProblem.entry(old.get(1), Kind.INSERTED));
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", old.get(1));
		this.jdbc.update("DELETE FROM auditlog_seal WHERE id = 2");
		assertProblems(IntegrityProblem.seal(2, Kind.MISSING));
	}

	@Test
	void forgedRetentionCheckpointExcusesNothing() {
		List<Long> ids = sealedEntries();
		String last = this.jdbc.queryForObject("SELECT signature FROM auditlog_seal WHERE id = 1", String.class);
		Instant future = Clock.systemUTC().instant().plus(Duration.ofDays(1));
		this.jdbc.update("INSERT INTO auditlog_seal (id, created, entry_count, first_id, last_id, entries, "
				+ "previous_signature, key_id, signature, deleted_before) VALUES (2, ?, 0, 0, 0, '', ?, 'k1', ?, ?)",
				database().timestamp(Clock.systemUTC().instant()), last, "b".repeat(64), database().timestamp(future));
		this.jdbc.update("DELETE FROM auditlog_logentry WHERE id = ?", ids.get(0));
		assertProblems(IntegrityProblem.entry(ids.get(0), Kind.MISSING), IntegrityProblem.seal(2, Kind.BAD_SIGNATURE));
	}

	@Test
	void sealsOfEveryConfiguredKeyVerifyAfterARotation() {
		writeEntries(2);
		this.sealer.sealAll();
		LogEntrySealer rotated = new LogEntrySealer(this.dataSource, database(),
				SealKeys.hmac("k2", OTHER_KEY, Map.of("k1", KEY)), Clock.systemUTC(), Duration.ofHours(1),
				Duration.ofHours(1), 100, null);
		writeEntries(2);
		rotated.sealAll();
		assertThat(this.jdbc.queryForList("SELECT key_id FROM auditlog_seal ORDER BY id", String.class))
			.containsExactly("k1", "k2");
		IntegrityVerifier bothKeys = verifier(SealKeys.hmac("k2", OTHER_KEY, Map.of("k1", KEY)));
		assertThat(bothKeys.verify(null, null).problems()).isEmpty();
		IntegrityVerifier newKeyOnly = verifier(SealKeys.hmac("k2", OTHER_KEY, Map.of()));
		assertThat(newKeyOnly.verify(null, null).problems())
			.containsExactly(IntegrityProblem.seal(1, Kind.BAD_SIGNATURE));
		IntegrityVerifier wrongOldKey = verifier(SealKeys.hmac("k2", OTHER_KEY, Map.of("k1", OTHER_KEY)));
		assertThat(wrongOldKey.verify(null, null).problems())
			.containsExactly(IntegrityProblem.seal(1, Kind.BAD_SIGNATURE));
	}

	@Test
	void ed25519SealsVerifyWithThePublicKeyAndRotateWithHmacKeys(@TempDir Path directory) throws Exception {
		Ed25519Pems pems = Ed25519Pems.generate();
		writeEntries(2);
		this.sealer.sealAll();
		LogEntrySealer ed25519 = new LogEntrySealer(this.dataSource, database(),
				SealKeys.of("k2", null, pems.privateKey(), pems.publicKey(), Map.of("k1", KEY), Map.of()),
				Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1), 100, null);
		writeEntries(2);
		ed25519.sealAll();
		LogEntrySealer backToHmac = new LogEntrySealer(this.dataSource, database(),
				SealKeys.of("k3", OTHER_KEY, null, null, Map.of("k1", KEY), Map.of("k2", pems.publicKey())),
				Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1), 100, null);
		writeEntries(2);
		backToHmac.sealAll();
		assertThat(this.jdbc.queryForList("SELECT key_id FROM auditlog_seal ORDER BY id", String.class))
			.containsExactly("k1", "ed25519:k2", "k3");
		assertThat(this.jdbc.queryForObject("SELECT signature FROM auditlog_seal WHERE id = 2", String.class))
			.matches("[0-9a-f]{128}");
		IntegrityVerifier all = verifier(
				SealKeys.verifying(Map.of("k1", KEY, "ed25519:k2", pems.publicKey(), "k3", OTHER_KEY)));
		assertThat(all.verify(null, null).problems()).isEmpty();
		IntegrityVerifier publicKeyOnly = verifier(SealKeys.verifying(Map.of("ed25519:k2", pems.publicKey())));
		assertThat(publicKeyOnly.verify(null, null).problems()).containsExactly(
				IntegrityProblem.seal(1, Kind.BAD_SIGNATURE), IntegrityProblem.seal(3, Kind.BAD_SIGNATURE));
		this.jdbc.update("UPDATE auditlog_seal SET entry_count = entry_count + 1 WHERE id = 2");
		assertThat(all.verify(null, null).problems()).containsExactly(IntegrityProblem.seal(2, Kind.BAD_SIGNATURE));
		// offline, a keys file with only the public key verifies seals signed with
		// Ed25519
		this.jdbc.update("DELETE FROM auditlog_seal");
		ed25519.sealAll();
		Files.writeString(directory.resolve("seal.pub.pem"), pems.publicKey());
		Path keys = directory.resolve("keys");
		Files.writeString(keys, "# public keys only\ned25519:k2=@seal.pub.pem\n");
		String[] args = { "--url=" + this.url, "--user=" + this.user, "--keys=" + keys };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(VerifyCommand.run(args, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.as(err.toString() + out)
			.isZero();
		Files.writeString(keys, "ed25519:k2=" + pems.publicKeyBase64() + "\n");
		out.reset();
		assertThat(VerifyCommand.run(args, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.as(err.toString() + out)
			.isZero();
		Files.writeString(keys, "ed25519:k2=" + Ed25519Pems.generate().publicKeyBase64() + "\n");
		out.reset();
		assertThat(VerifyCommand.run(args, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.isEqualTo(1);
		assertThat(out.toString()).contains("{\"sealId\":1,\"kind\":\"bad-signature\"}");
	}

	@Test
	void entryCommittedAfterASealCoveredLaterIdsIsSealedByTheNextSeal() throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> late = executor.submit(() -> this.transaction.executeWithoutResult((status) -> {
				this.entityManager.persist(new Account("late", new BigDecimal("1.00"), 0.5));
				this.entityManager.flush();
				// runs after the audit log wrote this transaction's entry, before commit
				this.entityManager.unwrap(SharedSessionContractImplementor.class)
					.getTransactionCoordinator()
					.addObserver(AfterAuditWrite.blocking(written, proceed));
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			List<Long> ids = writeEntries(2);
			assertThat(this.sealer.sealAll()).isEqualTo(2);
			assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
			proceed.countDown();
			late.get(30, TimeUnit.SECONDS);
			long lateId = this.jdbc
				.queryForObject("SELECT id FROM auditlog_logentry WHERE object_repr = 'Account late'", Long.class);
			assertThat(lateId).isLessThan(ids.get(0));
			IntegrityReport beforeNextSeal = this.auditLog.verify(null, null);
			assertThat(beforeNextSeal.problems()).isEmpty();
			assertThat(beforeNextSeal.pending()).isEqualTo(1);
			assertThat(this.sealer.sealAll()).isEqualTo(1);
			assertThat(sealedIds(2)).containsExactly(lateId);
			IntegrityReport report = this.auditLog.verify(null, null);
			assertThat(report.problems()).isEmpty();
			assertThat(report.entries()).isEqualTo(3);
			assertThat(report.pending()).isZero();
		}
		finally {
			proceed.countDown();
			executor.shutdownNow();
		}
	}

	/**
	 * The bar: 16 threads, each running its transactions with random rollbacks
	 * and failures after the audit write, while the seal job runs every 100 ms, in this
	 * application and in a second instance on the same database; then the log verifies
	 * with no problem and every committed entry is in exactly one seal. The seed is
	 * {@code -Dauditlog.integrity.concurrency-seed} (13 by default) and is named in every
	 * failure message.
	 */
	@Test
	void concurrentWritersWithRollbacksAndASealJobRaiseNoFalseAlarm() throws Exception {
		int threads = CONCURRENT_WRITERS;
		int transactionsPerThread = concurrentTransactionsPerThread();
		long seed = Long.getLong("auditlog.integrity.concurrency-seed", 13);
		AtomicInteger committed = new AtomicInteger();
		AtomicInteger rolledBack = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger sealRuns = new AtomicInteger();
		List<Throwable> sealFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
		// the application's seal job and that of a second instance on the same database
		LogEntrySealer otherInstance = new LogEntrySealer(this.dataSource, database(),
				SealKeys.hmac("k1", KEY, Map.of()), Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1), 10_000,
				null);
		ScheduledExecutorService sealing = Executors.newScheduledThreadPool(2);
		ExecutorService writers = Executors.newFixedThreadPool(threads);
		long began = System.nanoTime();
		try {
			for (LogEntrySealer sealer : List.of(this.sealer, otherInstance)) {
				sealing.scheduleWithFixedDelay(() -> {
					try {
						// as each instance's scheduled job does
						sealer.sealAllUnlessBusy();
						sealRuns.incrementAndGet();
					}
					catch (RuntimeException | Error ex) {
						// a scheduled task that throws is never run again: record why
						sealFailures.add(ex);
					}
				}, 0, 100, TimeUnit.MILLISECONDS);
			}
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Random random = new Random(seed + t);
				int thread = t;
				done.add(writers.submit(() -> {
					for (int i = 0; i < transactionsPerThread; i++) {
						int outcome = random.nextInt(4);
						String name = "t" + thread + "-" + i;
						try {
							this.transaction.executeWithoutResult((status) -> {
								this.entityManager.persist(new Account(name,
										BigDecimal.valueOf(random.nextInt(1000), 2), random.nextDouble()));
								this.entityManager.flush();
								if (outcome == 1) {
									status.setRollbackOnly();
								}
								else if (outcome == 2) {
									// fails after the audit log wrote its entry: its id
									// is lost
									this.entityManager.unwrap(SharedSessionContractImplementor.class)
										.getTransactionCoordinator()
										.addObserver(AfterAuditWrite.failing());
								}
							});
							(outcome == 1 ? rolledBack : committed).incrementAndGet();
						}
						catch (RuntimeException ex) {
							assertThat(outcome).as("seed %d thread %d transaction %d: %s", seed, thread, i, ex)
								.isEqualTo(2);
							failed.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(10, TimeUnit.MINUTES);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> this.auditLog.verify(null, null).pending() == 0);
		}
		finally {
			sealing.shutdownNow();
			sealing.awaitTermination(30, TimeUnit.SECONDS);
			writers.shutdownNow();
		}
		logger.info(
				"{} threads x {} transactions (seed {}): {} committed, {} rolled back, {} failed after the audit "
						+ "write, {} seal runs of two instances, in {} ms",
				threads, transactionsPerThread, seed, committed.get(), rolledBack.get(), failed.get(), sealRuns.get(),
				(System.nanoTime() - began) / 1_000_000);
		assertThat(sealFailures).as("seed %d: the seal job failed", seed).isEmpty();
		assertThat(rolledBack.get() + failed.get()).as("seed %d", seed).isPositive();
		List<Long> entryIds = this.jdbc.queryForList("SELECT id FROM auditlog_logentry ORDER BY id", Long.class);
		assertThat(entryIds).as("seed %d", seed).hasSize(committed.get());
		IntegrityReport report = this.auditLog.verify(null, null);
		assertThat(report.problems()).as("seed %d", seed).isEmpty();
		assertThat(report.valid()).as("seed %d", seed).isTrue();
		assertThat(report.pending()).as("seed %d", seed).isZero();
		assertThat(report.entries()).as("seed %d", seed).isEqualTo(committed.get());
		List<Long> sealIds = this.jdbc.queryForList(
				"SELECT id FROM auditlog_seal WHERE table_name = 'auditlog_logentry' ORDER BY id", Long.class);
		assertThat(sealIds).as("seed %d: sealed while written", seed).hasSizeGreaterThan(1);
		List<Long> sealed = sealIds.stream().flatMap((sealId) -> sealedIds(sealId).stream()).toList();
		assertThat(sealed).as("seed %d: every committed entry in exactly one seal", seed)
			.containsExactlyInAnyOrderElementsOf(entryIds);
	}

	/**
	 * Return how many transactions each of the {@value #CONCURRENT_WRITERS} writers of
	 * {@link #concurrentWritersWithRollbacksAndASealJobRaiseNoFalseAlarm()} runs.
	 * @return the number of transactions per thread
	 */
	int concurrentTransactionsPerThread() {
		return 500;
	}

	@Test
	void eventsAreSealedInAChainOfTheirOwnAndTamperingWithThemIsNamed() {
		IntegrityApplication.seals.clear();
		List<Long> ids = writeEvents(4);
		writeEntries(2);
		assertThat(this.sealer.sealAll()).isEqualTo(6);
		assertThat(IntegrityApplication.seals).extracting(SealCreatedEvent::getTable)
			.containsExactly("auditlog_logentry", "auditlog_event");
		assertThat(this.jdbc.queryForList("SELECT table_name FROM auditlog_seal ORDER BY table_name", String.class))
			.containsExactly("auditlog_event", "auditlog_logentry");
		IntegrityReport valid = this.auditLog.verify(null, null);
		assertThat(valid.problems()).isEmpty();
		assertThat(valid.entries()).isEqualTo(6);
		assertThat(valid.seals()).isEqualTo(2);
		this.jdbc.update("UPDATE auditlog_event SET data = " + database().jsonParameter() + " WHERE id = ?",
				"{\"rows\": 13}", ids.get(0));
		this.jdbc.update("UPDATE auditlog_event SET principal = 'mallory' WHERE id = ?", ids.get(1));
		this.jdbc.update("DELETE FROM auditlog_event WHERE id = ?", ids.get(2));
		assertProblems(IntegrityProblem.of("auditlog_event", ids.get(0), null, Kind.MODIFIED),
				IntegrityProblem.of("auditlog_event", ids.get(1), null, Kind.MODIFIED),
				IntegrityProblem.of("auditlog_event", ids.get(2), null, Kind.MISSING));
	}

	@Test
	void deletedOrEditedSealOfEventsIsNamedWithItsTable() {
		for (int i = 0; i < 3; i++) {
			writeEvents(2);
			this.sealer.sealAll();
		}
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		this.jdbc.update("DELETE FROM auditlog_seal WHERE table_name = 'auditlog_event' AND id = 2");
		this.jdbc.update("UPDATE auditlog_seal SET created = ? WHERE table_name = 'auditlog_event' AND id = 3",
				database().timestamp(Instant.parse("2020-01-01T00:00:00Z")));
		assertProblems(IntegrityProblem.of("auditlog_event", null, 2L, Kind.MISSING),
				IntegrityProblem.of("auditlog_event", null, 3L, Kind.BAD_SIGNATURE));
		assertThat(IntegrityProblem.of("auditlog_event", null, 2L, Kind.MISSING).table()).isEqualTo("auditlog_event");
	}

	@Test
	void endpointAnswersValidUntilAnEntryIsChanged() throws Exception {
		List<Long> ids = sealedEntries();
		JsonNode valid = getVerify();
		assertThat(valid.get("valid").booleanValue()).isTrue();
		assertThat(valid.get("entries").longValue()).isEqualTo(ids.size());
		assertThat(valid.get("seals").longValue()).isEqualTo(1);
		assertThat(valid.get("problems").size()).isZero();
		this.jdbc.update("UPDATE auditlog_logentry SET changes = " + database().jsonParameter() + " WHERE id = ?",
				"{\"name\": [null, \"forged\"]}", ids.get(0));
		JsonNode invalid = getVerify();
		assertThat(invalid.get("valid").booleanValue()).isFalse();
		assertThat(invalid.get("problems").toString())
			.isEqualTo("[{\"entryId\":" + ids.get(0) + ",\"kind\":\"modified\"}]");
	}

	@Test
	void commandVerifiesWithoutTheApplication(@TempDir Path directory) throws Exception {
		List<Long> ids = sealedEntries();
		Path keys = directory.resolve("keys.properties");
		Files.writeString(keys, "k1=" + KEY + "\n");
		String[] args = { "--url=" + this.url, "--user=" + this.user, "--keys=" + keys };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(VerifyCommand.run(args, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.as(err.toString())
			.isZero();
		assertThat(json.readTree(out.toString()).get("valid").booleanValue()).isTrue();
		String signature = this.jdbc.queryForObject("SELECT signature FROM auditlog_seal WHERE id = 1", String.class);
		Path published = directory.resolve("seals.log");
		Files.writeString(published, "INFO Sealed 6 audit log entries (range 1 to 6) in seal 1 of auditlog_logentry "
				+ "signed with key 'k1': " + signature + "\nauditlog_logentry 2 " + "c".repeat(64) + "\n");
		String[] withPublished = { "--url=" + this.url, "--user=" + this.user, "--keys=" + keys,
				"--published=" + published };
		out.reset();
		assertThat(
				VerifyCommand.run(withPublished, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.as(err.toString())
			.isEqualTo(1);
		assertThat(json.readTree(out.toString()).get("problems").toString())
			.isEqualTo("[{\"sealId\":2,\"kind\":\"missing\"}]");
		this.jdbc.update("UPDATE auditlog_logentry SET object_repr = 'Account forged' WHERE id = ?", ids.get(2));
		out.reset();
		assertThat(VerifyCommand.run(args, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.isEqualTo(1);
		assertThat(json.readTree(out.toString()).get("problems").toString())
			.isEqualTo("[{\"entryId\":" + ids.get(2) + ",\"kind\":\"modified\"}]");
		Files.writeString(keys, "k1=" + OTHER_KEY + "\n");
		out.reset();
		assertThat(VerifyCommand.run(args, this.password, new PrintStream(out, true), new PrintStream(err, true)))
			.isEqualTo(1);
		assertThat(out.toString()).contains("{\"sealId\":1,\"kind\":\"bad-signature\"}");
	}

	private JsonNode getVerify() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/auditlog/verify"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private void assertProblems(IntegrityProblem... problems) {
		IntegrityReport report = this.auditLog.verify(null, null);
		assertThat(report.problems()).containsExactly(problems);
		assertThat(report.valid()).isFalse();
	}

	/** Write entries of creates, updates and a delete, seal them, and verify them. */
	private List<Long> sealedEntries() {
		List<Long> ids = writeEntries(6);
		this.sealer.sealAll();
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
		return ids;
	}

	private void threeSeals() {
		for (int i = 0; i < 3; i++) {
			writeEntries(2);
			this.sealer.sealAll();
		}
		assertThat(this.jdbc.queryForList("SELECT id FROM auditlog_seal ORDER BY id", Long.class)).containsExactly(1L,
				2L, 3L);
		assertThat(this.auditLog.verify(null, null).problems()).isEmpty();
	}

	/**
	 * Write at least the given number of entries: creates of accounts whose values differ
	 * in how databases store them, updates, and a delete.
	 */
	private List<Long> writeEntries(int count) {
		long before = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_logentry", Long.class);
		List<Long> accounts = new ArrayList<>();
		for (int i = 0; accounts.size() < count - count / 3; i++) {
			String name = "Konto \u00e9\u00df \ud83d\ude00 \"quoted\" \\ " + i;
			Account account = new Account(name, new BigDecimal("1250.50"), (i % 2 == 0) ? 100.0 : 1.0E-5);
			this.transaction.executeWithoutResult((status) -> this.entityManager.persist(account));
			accounts.add(account.getId());
		}
		for (int i = 0; i < count / 3; i++) {
			Long id = accounts.get(i);
			this.transaction.executeWithoutResult((status) -> {
				Account account = this.entityManager.find(Account.class, id);
				account.setBalance(new BigDecimal("0.10"));
				account.setRate(12345678.125);
			});
		}
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM auditlog_logentry ORDER BY id", Long.class);
		assertThat(ids).hasSize((int) before + count);
		return ids.subList((int) before, ids.size());
	}

	/** Write system events with data of several kinds and return their ids. */
	private List<Long> writeEvents(int count) {
		long before = this.jdbc.queryForObject("SELECT COUNT(*) FROM auditlog_event", Long.class);
		for (int i = 0; i < count; i++) {
			this.events.record((i % 2 == 0) ? "alice \u00e9" : null, "DATA_EXPORT",
					Map.of("rows", 12 + i, "ratio", new BigDecimal("1.50"), "format", "csv \"q\""));
		}
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM auditlog_event ORDER BY id", Long.class);
		assertThat(ids).hasSize((int) before + count);
		assertThat(this.jdbc.queryForList("SELECT hash FROM auditlog_event", String.class))
			.allMatch((hash) -> hash != null && hash.matches("[0-9a-f]{64}"));
		return ids.subList((int) before, ids.size());
	}

	private long forge(long copyOf) {
		this.jdbc.update("INSERT INTO auditlog_logentry (timestamp, action, model, object_pk, object_id, object_repr, "
				+ "changes, serialized_data, additional_data, actor, remote_addr, cid, hash) SELECT timestamp, "
				+ "action, model, object_pk, object_id, object_repr, changes, serialized_data, additional_data, actor, "
				+ "remote_addr, cid, hash FROM auditlog_logentry WHERE id = ?", copyOf);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM auditlog_logentry", Long.class);
	}

	/** Insert a copy of an entry with the given id, as a forger with SQL access could. */
	private void forgeAs(long copyOf, long id) {
		this.jdbc.update("INSERT INTO auditlog_logentry (id, timestamp, action, model, object_pk, object_id, "
				+ "object_repr, changes, serialized_data, additional_data, actor, remote_addr, cid, hash) SELECT ?, "
				+ "timestamp, action, model, object_pk, object_id, object_repr, changes, serialized_data, "
				+ "additional_data, actor, remote_addr, cid, hash FROM auditlog_logentry WHERE id = ?", id, copyOf);
	}

	/** Return the ids of the log entries a seal lists, in order. */
	List<Long> sealedIds(long sealId) {
		String entries = this.jdbc.queryForObject(
				"SELECT entries FROM auditlog_seal WHERE table_name = 'auditlog_logentry' AND id = ?", String.class,
				sealId);
		return entries.lines().map((line) -> Long.parseLong(line.substring(0, line.indexOf(' ')))).toList();
	}

	private String recomputedHash(long id) {
		AuditDatabase database = database();
		return this.jdbc.queryForObject("SELECT timestamp, action, model, object_pk, object_id, object_repr, changes, "
				+ "serialized_data, additional_data, actor, remote_addr, cid FROM auditlog_logentry WHERE id = ?",
				(rs, row) -> {
					long objectId = rs.getLong(5);
					return EntryHashes.logEntry(database.timestamp(rs, 1), rs.getInt(2), rs.getString(3),
							rs.getString(4), rs.wasNull() ? null : objectId, rs.getString(6), rs.getString(7),
							rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
				}, id);
	}

	private IntegrityVerifier verifier(SealKeys keys) {
		return new IntegrityVerifier(this.dataSource, keys, Clock.systemUTC(), Duration.ofHours(1));
	}

	private AuditDatabase database() {
		try {
			return AuditDatabase.of(this.dataSource);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
