package dev.auditlog.spring.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ConcurrentLruCache;

/**
 * Authentication failures per client address and per username in a sliding window, for a
 * bounded number of each (the least recently seen are forgotten first). When the failures
 * of one key reach the threshold within the window, that key is in a burst: it is
 * reported, its count starts afresh, and, with a cool-down, its further sign-in attempts
 * are refused until the cool-down ends. So every further threshold of failures is a burst
 * of its own — however the cool-down compares with the window — and a key's bursts are at
 * most one per threshold of failures. Usernames are counted without regard to case.
 */
final class LoginFailureTracker {

	static final String ADDRESS = "address";

	static final String USERNAME = "username";

	private final int maxFailures;

	private final long windowMillis;

	private final long coolDownMillis;

	private final Clock clock;

	private final ConcurrentLruCache<String, Failures> addresses;

	private final ConcurrentLruCache<String, Failures> usernames;

	LoginFailureTracker(int maxFailures, Duration window, @Nullable Duration coolDown, int maxTracked, Clock clock) {
		this.maxFailures = Math.max(1, maxFailures);
		this.windowMillis = window.toMillis();
		this.coolDownMillis = (coolDown != null) ? coolDown.toMillis() : 0;
		this.clock = clock;
		int capacity = Math.max(1, maxTracked);
		this.addresses = new ConcurrentLruCache<>(capacity, (key) -> new Failures(this.maxFailures));
		this.usernames = new ConcurrentLruCache<>(capacity, (key) -> new Failures(this.maxFailures));
	}

	/**
	 * Count a failed sign-in.
	 * @param address the client address, or {@code null} when unknown
	 * @param username the username tried, or {@code null} when the attempt named none
	 * @return the keys that have just reached a burst
	 */
	List<Burst> failed(@Nullable String address, @Nullable String username) {
		long now = this.clock.millis();
		List<Burst> bursts = new ArrayList<>(2);
		if (address != null) {
			count(this.addresses.get(address), ADDRESS, address, now, bursts);
		}
		if (username != null) {
			String key = usernameKey(username);
			count(this.usernames.get(key), USERNAME, key, now, bursts);
		}
		return bursts;
	}

	private void count(Failures failures, String kind, String key, long now, List<Burst> bursts) {
		if (failures.add(now, this.windowMillis, this.coolDownMillis)) {
			bursts.add(new Burst(kind, key, this.maxFailures, Duration.ofMillis(this.windowMillis),
					(this.coolDownMillis > 0) ? Instant.ofEpochMilli(now + this.coolDownMillis) : null));
		}
	}

	/**
	 * Return until when sign-in attempts of the address or the username are refused.
	 * @param address the client address, or {@code null}
	 * @param username the username tried, or {@code null}
	 * @return the later end of their cool-downs, or {@code null} when neither is refused
	 */
	@Nullable Instant refusedUntil(@Nullable String address, @Nullable String username) {
		if (this.coolDownMillis == 0) {
			return null;
		}
		long now = this.clock.millis();
		long until = Math.max(refusedUntil(this.addresses, address),
				refusedUntil(this.usernames, (username != null) ? usernameKey(username) : null));
		return (until > now) ? Instant.ofEpochMilli(until) : null;
	}

	/**
	 * Usernames are counted without regard to case: user stores often ignore it, and
	 * {@code ALICE} must not be a fresh start for guesses at {@code alice}.
	 */
	private static String usernameKey(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	private static long refusedUntil(ConcurrentLruCache<String, Failures> tracked, @Nullable String key) {
		// contains() first: looking up creates an entry, and a refusal check must not
		return (key != null && tracked.contains(key)) ? tracked.get(key).refusedUntil() : 0;
	}

	/**
	 * A key that has just reached a burst.
	 *
	 * @param kind {@value #ADDRESS} or {@value #USERNAME}
	 * @param key the address or username
	 * @param failures the number of failures that made the burst
	 * @param window the window they fell in
	 * @param refusedUntil the end of the cool-down, or {@code null} when none is
	 * configured
	 */
	record Burst(String kind, String key, int failures, Duration window, @Nullable Instant refusedUntil) {
	}

	/**
	 * The times of the latest failures of one key, in a ring as long as the threshold.
	 */
	private static final class Failures {

		private final long[] times;

		private int next;

		private int count;

		private long refusedUntil;

		Failures(int size) {
			this.times = new long[size];
		}

		/**
		 * Add a failure.
		 * @return whether it starts a burst
		 */
		synchronized boolean add(long now, long window, long coolDown) {
			this.times[this.next] = now;
			this.next = (this.next + 1) % this.times.length;
			this.count = Math.min(this.count + 1, this.times.length);
			// the oldest of the ring is the threshold-th latest failure
			long oldest = this.times[this.next % this.times.length];
			if (this.count < this.times.length || now - oldest > window) {
				return false;
			}
			// a burst starts the count afresh: after its cool-down (or at once without
			// one)
			// the next threshold of failures within the window is the next burst
			this.count = 0;
			this.refusedUntil = now + coolDown;
			return true;
		}

		synchronized long refusedUntil() {
			return this.refusedUntil;
		}

	}

}
