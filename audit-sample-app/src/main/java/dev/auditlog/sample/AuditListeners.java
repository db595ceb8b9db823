package dev.auditlog.sample;

import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the application does with the audit events: counts written entries per model in
 * the {@code auditlog.entries} metric ({@code /actuator/metrics/auditlog.entries}) —
 * never per actor or per object, which would make a time series per user — and keeps
 * scratch products — SKUs starting with {@code TMP-}, made by load tests and demos — out
 * of the log.
 */
@Component
class AuditListeners {

	static final String SCRATCH_PREFIX = "TMP-";

	private final MeterRegistry meters;

	AuditListeners(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void skipScratchProducts(PreLogEvent event) {
		if (event.getEntity() instanceof Product product && product.getSku().startsWith(SCRATCH_PREFIX)) {
			event.veto();
		}
	}

	@EventListener
	void countEntries(PostLogEvent event) {
		if (event.created() && event.entry() != null) {
			this.meters.counter("auditlog.entries", "model", event.entry().model()).increment();
		}
	}

}
