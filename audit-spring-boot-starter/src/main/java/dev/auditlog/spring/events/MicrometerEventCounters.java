package dev.auditlog.spring.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.BeanFactory;

/**
 * {@link EventCounters} on a Micrometer {@link MeterRegistry}: the counters
 * {@value #WRITTEN} and {@value #FAILED} tagged with the event {@code type}. Types are
 * the few names an application records (authentication events, {@code DATA_EXPORT},
 * request errors); past {@value #MAX_TYPES} distinct types the rest are counted under
 * {@value #OTHER}, so that a type built from input cannot grow the registry without
 * bound. Only loaded when Micrometer is on the class path.
 */
final class MicrometerEventCounters implements EventCounters {

	static final String WRITTEN = "auditlog.events.written";

	static final String FAILED = "auditlog.events.failed";

	static final int MAX_TYPES = 100;

	static final String OTHER = "OTHER";

	private final MeterRegistry meters;

	private final Map<String, Counter> written = new ConcurrentHashMap<>();

	private final Map<String, Counter> failed = new ConcurrentHashMap<>();

	private MicrometerEventCounters(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Return the counters on the meter registry of the bean factory,
	 * {@link EventCounters#NONE} if there is none.
	 */
	static EventCounters of(BeanFactory beanFactory) {
		MeterRegistry meters = beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique();
		return (meters != null) ? new MicrometerEventCounters(meters) : EventCounters.NONE;
	}

	@Override
	public void written(String type) {
		counter(this.written, WRITTEN, "Audit system events written", type).increment();
	}

	@Override
	public void failed(String type) {
		counter(this.failed, FAILED, "Audit system events that could not be written", type).increment();
	}

	private Counter counter(Map<String, Counter> counters, String name, String description, String type) {
		Counter counter = counters.get(type);
		if (counter != null) {
			return counter;
		}
		String tag = (counters.size() < MAX_TYPES) ? type : OTHER;
		return counters.computeIfAbsent(tag,
				(key) -> Counter.builder(name).description(description).tag("type", key).register(this.meters));
	}

}
