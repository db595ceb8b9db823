package dev.auditlog.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class LogEntryTests {

	private static final Changes CHANGES = Changes.of(Map.of("unitPrice", new ValueChange("1.00", "2.00")));

	@Test
	void shortReprIsKept() {
		assertThat(logEntry("Product 1").objectRepr()).isEqualTo("Product 1");
		assertThat(logEntry("").objectRepr()).isEmpty();
	}

	@Test
	void reprIsCutTo255Characters() {
		assertThat(logEntry("x".repeat(255)).objectRepr()).isEqualTo("x".repeat(255));
		assertThat(logEntry("x".repeat(1000)).objectRepr()).isEqualTo("x".repeat(255));
	}

	@Test
	void reprIsCutAtCodeUnitsWithoutSplittingASurrogatePair() {
		// H2 counts UTF-16 code units: 255 emojis are 510 of them and do not fit there
		assertThat(logEntry("x".repeat(253) + "😀😀").objectRepr()).isEqualTo("x".repeat(253) + "😀");
		assertThat(logEntry("x".repeat(254) + "😀").objectRepr()).isEqualTo("x".repeat(254));
		String repr = logEntry("😀".repeat(300)).objectRepr();
		assertThat(repr).isEqualTo("😀".repeat(127));
		assertThat(repr.length()).isLessThanOrEqualTo(LogEntry.MAX_REPR_LENGTH);
	}

	@Test
	void textsAreCleanedAndFittedToTheirColumns() {
		LogEntry entry = new LogEntry(null, Instant.EPOCH, Action.UPDATE, "M\u0000odel", "k".repeat(300), null,
				"a\u0000b", "alice\uD800", "[2001:0DB8::0001]:443", "c".repeat(256), Changes.empty(), null, null);
		assertThat(entry.model()).isEqualTo("M\uFFFDodel");
		assertThat(entry.objectPk()).hasSize(StoredText.COLUMN_LENGTH).startsWith("kkk").contains("[cut: 300 chars");
		assertThat(entry.objectRepr()).isEqualTo("a\uFFFDb");
		assertThat(entry.actor()).isEqualTo("alice\uFFFD");
		assertThat(entry.remoteAddr()).isEqualTo("2001:db8::1");
		assertThat(entry.cid()).hasSize(StoredText.COLUMN_LENGTH);
		assertThat(new LogEntry(null, Instant.EPOCH, Action.UPDATE, "M", "1", null, "r", null, "not an address", null,
				Changes.empty(), null, null)
			.remoteAddr()).isNull();
	}

	@Test
	void changesDisplayDelegatesToTheChanges() {
		Changes labelled = CHANGES.withDisplayRules(new DisplayRules(Map.of("unitPrice", "Price"), Map.of(), 140));
		LogEntry entry = logEntry("Product 1", labelled);
		assertThat(entry.changesDisplay()).containsExactly(entry("Price", Arrays.asList("1.00", "2.00")));
		assertThat(logEntry("Product 1").changesDisplay()).containsOnlyKeys("Unit price");
	}

	@Test
	void changesTextDelegatesToTheChanges() {
		assertThat(logEntry("Product 1").changesText()).isEqualTo("unitPrice: 1.00 → 2.00");
	}

	@Test
	void additionalAndSerializedDataAreCopiedAndReadOnly() {
		Map<String, @Nullable Object> additional = new HashMap<>();
		additional.put("reason", "import");
		additional.put("batch", null);
		LogEntry entry = new LogEntry(1L, Instant.EPOCH, Action.UPDATE, "Product", "1", 1L, "Product 1", null, null,
				null, CHANGES, additional, additional);
		additional.put("late", "x");
		assertThat(entry.additionalData()).containsOnlyKeys("reason", "batch");
		assertThat(entry.serializedData()).containsOnlyKeys("reason", "batch");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> entry.additionalData().put("x", "y"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> entry.serializedData().put("x", "y"));
	}

	@Test
	void absentDataStaysNull() {
		LogEntry entry = logEntry("Product 1");
		assertThat(entry.additionalData()).isNull();
		assertThat(entry.serializedData()).isNull();
	}

	private static LogEntry logEntry(String repr) {
		return logEntry(repr, CHANGES);
	}

	private static LogEntry logEntry(String repr, Changes changes) {
		return new LogEntry(null, Instant.parse("2024-03-01T08:15:30Z"), Action.UPDATE, "Product", "1", 1L, repr,
				"alice", "192.0.2.1", "cid-1", changes, null, null);
	}

}
