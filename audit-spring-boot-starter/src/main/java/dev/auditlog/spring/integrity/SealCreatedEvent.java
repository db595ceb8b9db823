package dev.auditlog.spring.integrity;

import java.time.Instant;

import org.springframework.context.ApplicationEvent;

/**
 * Published after a seal was committed, so that it can be kept outside the database too
 * (a log, a message queue, an object store with retention lock): a database restored from
 * an old backup then lacks seals that were published.
 *
 * @since 0.2.0
 */
public class SealCreatedEvent extends ApplicationEvent {

	private final String table;

	private final long sealId;

	private final Instant created;

	private final int entryCount;

	private final String keyId;

	private final String signature;

	/**
	 * Create an event.
	 * @param source the object that made the seal
	 * @param sealId the seal's number in the chain
	 * @param created when the seal was made
	 * @param entryCount the number of entries it covers
	 * @param keyId the id of the key that signed it
	 * @param signature its signature, hexadecimal
	 */
	public SealCreatedEvent(Object source, long sealId, Instant created, int entryCount, String keyId,
			String signature) {
		this(source, "auditlog_logentry", sealId, created, entryCount, keyId, signature);
	}

	/**
	 * Create an event of a seal of the given table's chain.
	 * @param source the object that made the seal
	 * @param table the sealed table, {@code auditlog_logentry} or {@code auditlog_event}
	 * @param sealId the seal's number in the chain of its table
	 * @param created when the seal was made
	 * @param entryCount the number of rows it seals
	 * @param keyId the id of the key that signed it
	 * @param signature its signature, hexadecimal
	 */
	public SealCreatedEvent(Object source, String table, long sealId, Instant created, int entryCount, String keyId,
			String signature) {
		super(source);
		this.table = table;
		this.sealId = sealId;
		this.created = created;
		this.entryCount = entryCount;
		this.keyId = keyId;
		this.signature = signature;
	}

	/**
	 * Return the table whose chain the seal belongs to.
	 * @return {@code auditlog_logentry} or {@code auditlog_event}
	 */
	public String getTable() {
		return this.table;
	}

	/**
	 * Return the seal's number in the chain.
	 * @return the seal id
	 */
	public long getSealId() {
		return this.sealId;
	}

	/**
	 * Return when the seal was made.
	 * @return the instant, at microseconds
	 */
	public Instant getCreated() {
		return this.created;
	}

	/**
	 * Return the number of entries the seal covers.
	 * @return the count
	 */
	public int getEntryCount() {
		return this.entryCount;
	}

	/**
	 * Return the id of the key that signed the seal.
	 * @return the key id
	 */
	public String getKeyId() {
		return this.keyId;
	}

	/**
	 * Return the seal's signature, which the next seal chains to.
	 * @return 64 (HMAC-SHA256) or 128 (Ed25519) hexadecimal digits
	 */
	public String getSignature() {
		return this.signature;
	}

}
