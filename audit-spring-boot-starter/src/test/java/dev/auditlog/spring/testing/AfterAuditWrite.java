package dev.auditlog.spring.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hibernate.resource.transaction.spi.TransactionObserver;

/**
 * Hibernate transaction observers that act once the audit log has written a transaction's
 * entries (its {@code beforeCompletion} runs after the starter's): hold the transaction
 * open, or fail it.
 */
public final class AfterAuditWrite {

	private AfterAuditWrite() {
	}

	/**
	 * Return an observer that counts {@code written} down once the entries are written,
	 * then holds the transaction until {@code proceed} is counted down (60 s at most).
	 * @param written counted down when the entries are written
	 * @param proceed what the transaction waits for before it commits
	 * @return the observer
	 */
	public static TransactionObserver blocking(CountDownLatch written, CountDownLatch proceed) {
		return new Observer() {

			@Override
			public void beforeCompletion() {
				written.countDown();
				try {
					proceed.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
	}

	/**
	 * Return an observer that fails the transaction after the entries are written.
	 * @return the observer
	 */
	public static TransactionObserver failing() {
		return new Observer() {

			@Override
			public void beforeCompletion() {
				throw new IllegalStateException("failing after the audit write on purpose");
			}

		};
	}

	private abstract static class Observer implements TransactionObserver {

		@Override
		public void afterBegin() {
		}

		@Override
		public void afterCompletion(boolean successful, boolean delayed) {
		}

	}

}
