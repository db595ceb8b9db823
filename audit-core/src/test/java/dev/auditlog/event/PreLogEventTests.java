package dev.auditlog.event;

import java.time.Instant;
import java.util.Map;

import dev.auditlog.core.Action;
import dev.auditlog.core.Changes;
import dev.auditlog.core.LogEntry;
import dev.auditlog.core.ValueChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreLogEventTests {

	private static final Changes CHANGES = Changes.of(Map.of("name", new ValueChange("a", "b")));

	@Test
	void eventCarriesWhatIsAboutToBeLogged() {
		Object entity = new Object();
		PreLogEvent event = new PreLogEvent(String.class, entity, Action.UPDATE, CHANGES);
		assertThat(event.getModelClass()).isEqualTo(String.class);
		assertThat(event.getEntity()).isSameAs(entity);
		assertThat(event.getAction()).isEqualTo(Action.UPDATE);
		assertThat(event.getChanges()).isSameAs(CHANGES);
	}

	@Test
	void notVetoedUntilAListenerVetoes() {
		PreLogEvent event = new PreLogEvent(Object.class, new Object(), Action.CREATE, CHANGES);
		assertThat(event.isVetoed()).isFalse();
		event.veto();
		assertThat(event.isVetoed()).isTrue();
		event.veto();
		assertThat(event.isVetoed()).isTrue();
	}

	@Test
	void postLogEventCarriesTheEntryOrTheError() {
		LogEntry entry = new LogEntry(null, Instant.EPOCH, Action.UPDATE, "Product", "1", 1L, "Product 1", null, null,
				null, CHANGES, null, null);
		PostLogEvent written = new PostLogEvent(entry, CHANGES, true, null);
		IllegalStateException error = new IllegalStateException("db down");
		PostLogEvent failed = new PostLogEvent(null, CHANGES, false, error);
		assertThat(written.entry()).isSameAs(entry);
		assertThat(written.created()).isTrue();
		assertThat(written.error()).isNull();
		assertThat(failed.entry()).isNull();
		assertThat(failed.created()).isFalse();
		assertThat(failed.error()).isSameAs(error);
	}

}
