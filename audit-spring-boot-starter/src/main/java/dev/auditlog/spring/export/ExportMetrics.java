package dev.auditlog.spring.export;

/**
 * What the relay reports of its work: records published, records that could not be
 * published (and are published again by a later run), and its lag.
 */
interface ExportMetrics {

	/** Metrics that report nothing, without Micrometer. */
	ExportMetrics NONE = new ExportMetrics() {

		@Override
		public void lag(ExportRelay relay) {
		}

		@Override
		public void published(ExportRelay.Stream stream, int records) {
		}

		@Override
		public void failed(ExportRelay.Stream stream, int records) {
		}

	};

	/**
	 * Report the relay's lag, read when asked.
	 * @param relay the relay
	 */
	void lag(ExportRelay relay);

	/**
	 * Count records the brokers acknowledged.
	 * @param stream the stream
	 * @param records the number of records
	 */
	void published(ExportRelay.Stream stream, int records);

	/**
	 * Count records of a batch that failed.
	 * @param stream the stream
	 * @param records the number of records
	 */
	void failed(ExportRelay.Stream stream, int records);

}
