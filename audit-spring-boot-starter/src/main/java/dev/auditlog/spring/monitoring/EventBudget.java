package dev.auditlog.spring.monitoring;

import java.time.Clock;

import org.springframework.util.ConcurrentLruCache;

/**
 * How many events each client address may still cause in the current minute, for a
 * bounded number of addresses (the least recently seen are forgotten first), so that a
 * scanner sending thousands of requests cannot fill the event table.
 */
final class EventBudget {

	/** Returned by {@link #take(String)} when the budget of the address is spent. */
	static final int SPENT = -1;

	private final int perMinute;

	private final Clock clock;

	private final ConcurrentLruCache<String, Minute> addresses;

	EventBudget(int perMinute, int maxTrackedAddresses, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
		this.addresses = new ConcurrentLruCache<>(Math.max(1, maxTrackedAddresses), (address) -> new Minute());
	}

	/**
	 * Take one event from the address's budget.
	 * @param address the client address, or a stand-in for requests without one
	 * @return the number of events suppressed since the address's last recorded one, or
	 * {@link #SPENT} when this one is to be suppressed too
	 */
	int take(String address) {
		return this.addresses.get(address).take(this.clock.millis() / 60_000, this.perMinute);
	}

	private static final class Minute {

		private long minute = Long.MIN_VALUE;

		private int taken;

		private int suppressed;

		synchronized int take(long now, int perMinute) {
			if (now != this.minute) {
				this.minute = now;
				this.taken = 0;
			}
			if (this.taken >= perMinute) {
				this.suppressed++;
				return SPENT;
			}
			this.taken++;
			int reported = this.suppressed;
			this.suppressed = 0;
			return reported;
		}

	}

}
