package dev.auditlog.spring.export;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * {@link ExportMetrics} on Micrometer: the counters {@value #PUBLISHED} and
 * {@value #FAILED} tagged with the {@code stream} ({@code entries} or {@code seals}), and
 * the gauge {@value #LAG}, the age in seconds of the oldest committed entry not yet
 * published (0 when none waits), read from the database when the registry asks. Only
 * loaded when Micrometer is on the class path.
 */
final class MicrometerExportMetrics implements ExportMetrics {

	static final String PUBLISHED = "auditlog.export.published";

	static final String FAILED = "auditlog.export.failed";

	static final String LAG = "auditlog.export.lag";

	private final MeterRegistry meters;

	private final Map<ExportRelay.Stream, Counter> published = new EnumMap<>(ExportRelay.Stream.class);

	private final Map<ExportRelay.Stream, Counter> failed = new EnumMap<>(ExportRelay.Stream.class);

	private MicrometerExportMetrics(MeterRegistry meters) {
		this.meters = meters;
		for (ExportRelay.Stream stream : ExportRelay.Stream.values()) {
			this.published.put(stream, counter(PUBLISHED, "Audit log records published to Kafka", stream));
			this.failed.put(stream, counter(FAILED,
					"Audit log records whose publication to Kafka failed, published again later", stream));
		}
	}

	/**
	 * Return the metrics on the meter registry of the bean factory,
	 * {@link ExportMetrics#NONE} without one.
	 */
	static ExportMetrics of(BeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		MeterRegistry meters = ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", classLoader)
				? beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique() : null;
		return (meters != null) ? new MicrometerExportMetrics(meters) : ExportMetrics.NONE;
	}

	private Counter counter(String name, String description, ExportRelay.Stream stream) {
		return Counter.builder(name)
			.description(description)
			.baseUnit("records")
			.tag("stream", stream.tag())
			.register(this.meters);
	}

	@Override
	public void lag(ExportRelay relay) {
		Gauge.builder(LAG, relay, ExportRelay::lagSeconds)
			.description("Age of the oldest committed audit log entry not yet published to Kafka")
			.baseUnit("seconds")
			.strongReference(true)
			.register(this.meters);
	}

	@Override
	public void published(ExportRelay.Stream stream, int records) {
		count(this.published, stream, records);
	}

	@Override
	public void failed(ExportRelay.Stream stream, int records) {
		count(this.failed, stream, records);
	}

	private static void count(Map<ExportRelay.Stream, Counter> counters, ExportRelay.Stream stream, int records) {
		Counter counter = counters.get(stream);
		if (counter != null) {
			counter.increment(records);
		}
	}

}
