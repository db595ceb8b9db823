package dev.auditlog.spring.hibernate;

import java.util.Objects;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.auditlog.core.Action;
import dev.auditlog.core.LogEntry;
import dev.auditlog.spring.schema.AuditDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * {@link RecordingMetrics} on Micrometer: the observation {@value #WRITE} around each
 * transaction's write (low-cardinality keys {@code database} and {@code outcome}), and
 * the counters {@value #WRITTEN}, {@value #VETOED} and {@value #DROPPED} tagged with the
 * {@code action}. The counters are registered once, when the recorder is built. Only
 * loaded when Micrometer's observation API is on the class path.
 */
final class MicrometerRecordingMetrics implements RecordingMetrics {

	static final String WRITE = "auditlog.write";

	static final String WRITTEN = "auditlog.entries.written";

	static final String VETOED = "auditlog.entries.vetoed";

	static final String DROPPED = "auditlog.entries.dropped";

	private final @Nullable ObservationRegistry observations;

	private final String database;

	private final @Nullable Map<Action, Counter> written;

	private final @Nullable Map<Action, Counter> vetoed;

	private final @Nullable Map<Action, Counter> dropped;

	private MicrometerRecordingMetrics(@Nullable ObservationRegistry observations, @Nullable MeterRegistry meters,
			AuditDatabase database) {
		this.observations = (observations != null && !observations.isNoop()) ? observations : null;
		this.database = database.name().toLowerCase(Locale.ROOT);
		this.written = (meters != null) ? counters(meters, WRITTEN, "Audit log entries written") : null;
		this.vetoed = (meters != null) ? counters(meters, VETOED, "Audit log entries vetoed by a PreLogEvent listener")
				: null;
		this.dropped = (meters != null)
				? counters(meters, DROPPED, "Audit log entries that could not be written and were dropped") : null;
	}

	/**
	 * Return the metrics for the given database with the observation registry and meter
	 * registry of the bean factory, {@link RecordingMetrics#NONE} if there is neither.
	 */
	static RecordingMetrics of(BeanFactory beanFactory, AuditDatabase database, @Nullable ClassLoader classLoader) {
		ObservationRegistry observations = beanFactory.getBeanProvider(ObservationRegistry.class).getIfUnique();
		MeterRegistry meters = ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", classLoader)
				? beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique() : null;
		if ((observations == null || observations.isNoop()) && meters == null) {
			return RecordingMetrics.NONE;
		}
		return new MicrometerRecordingMetrics(observations, meters, database);
	}

	private static Map<Action, Counter> counters(MeterRegistry meters, String name, String description) {
		Map<Action, Counter> counters = new EnumMap<>(Action.class);
		for (Action action : Action.values()) {
			counters.put(action,
					Counter.builder(name)
						.description(description)
						.baseUnit("entries")
						.tag("action", action.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
		return counters;
	}

	@Override
	public Write startWrite(int entries) {
		if (this.observations == null) {
			return UNOBSERVED;
		}
		Observation observation = Observation.createNotStarted(WRITE, this.observations)
			.contextualName("auditlog write")
			.lowCardinalityKeyValue("database", this.database)
			.highCardinalityKeyValue("entries", Integer.toString(entries))
			.start();
		Observation.Scope scope = observation.openScope();
		return new Write() {

			@Override
			public void succeeded() {
				end("success", null);
			}

			@Override
			public void failed(Throwable ex) {
				end("error", ex);
			}

			private void end(String outcome, @Nullable Throwable ex) {
				scope.close();
				observation.lowCardinalityKeyValue("outcome", outcome);
				if (ex != null) {
					observation.error(ex);
				}
				observation.stop();
			}

		};
	}

	@Override
	public void vetoed(Action action) {
		if (this.vetoed != null) {
			Objects.requireNonNull(this.vetoed.get(action)).increment();
		}
	}

	@Override
	public void written(List<LogEntry> entries) {
		count(this.written, entries);
	}

	@Override
	public void dropped(List<LogEntry> entries) {
		count(this.dropped, entries);
	}

	private static void count(@Nullable Map<Action, Counter> counters, List<LogEntry> entries) {
		if (counters != null) {
			// one increment per action and batch, not per entry
			int[] byAction = new int[Action.values().length];
			for (LogEntry entry : entries) {
				byAction[entry.action().ordinal()]++;
			}
			for (Action action : Action.values()) {
				if (byAction[action.ordinal()] > 0) {
					Objects.requireNonNull(counters.get(action)).increment(byAction[action.ordinal()]);
				}
			}
		}
	}

}
