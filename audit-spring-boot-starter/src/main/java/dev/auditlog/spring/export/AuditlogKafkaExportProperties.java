package dev.auditlog.spring.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the export of entries and seals to Kafka, under
 * {@code auditlog.export.kafka}. The connection to the brokers is Spring Boot's
 * ({@code spring.kafka.*}).
 *
 * @since 0.2.0
 */
@ConfigurationProperties("auditlog.export.kafka")
public class AuditlogKafkaExportProperties {

	/**
	 * Whether to publish every committed entry (and every seal, with
	 * auditlog.integrity.enabled) to Kafka, from a relay that reads the entries table
	 * after commit.
	 */
	private boolean enabled;

	/**
	 * Topic that receives one record per entry, keyed by model:objectPk, its value the
	 * entry's JSON as the auditlog actuator endpoint shows it.
	 */
	private String topic = "auditlog.entries";

	/**
	 * Topic that receives one record per seal when auditlog.integrity.enabled is set,
	 * keyed by the sealed table.
	 */
	private String sealTopic = "auditlog.seals";

	/**
	 * Largest number of entries published in one run of the relay before its progress is
	 * recorded; the relay goes on with the next batch at once.
	 */
	private int batchSize = 500;

	/**
	 * Time between two runs of the relay, each publishing everything committed since the
	 * last.
	 */
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * Longest time the relay waits for the brokers to acknowledge a batch. When it runs
	 * out, the batch is published again by the next run.
	 */
	private Duration sendTimeout = Duration.ofSeconds(30);

	/**
	 * Longest time an id below the newest published entry may stay invisible (a
	 * transaction in flight) and still be published when its transaction commits; must
	 * exceed the longest transaction that writes entries. After it, the id is taken as
	 * rolled back and no longer looked up.
	 */
	private Duration maxCommitDelay = Duration.ofHours(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public String getSealTopic() {
		return this.sealTopic;
	}

	public void setSealTopic(String sealTopic) {
		this.sealTopic = sealTopic;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getSendTimeout() {
		return this.sendTimeout;
	}

	public void setSendTimeout(Duration sendTimeout) {
		this.sendTimeout = sendTimeout;
	}

	public Duration getMaxCommitDelay() {
		return this.maxCommitDelay;
	}

	public void setMaxCommitDelay(Duration maxCommitDelay) {
		this.maxCommitDelay = maxCommitDelay;
	}

}
