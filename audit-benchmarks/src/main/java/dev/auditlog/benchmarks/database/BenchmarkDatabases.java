package dev.auditlog.benchmarks.database;

import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the database of a benchmark run, {@code bench.db}:
 * <ul>
 * <li>{@code tmpfs}: a cluster of the machine's PostgreSQL binaries in {@code /dev/shm},
 * started for the run and removed after it ({@link LocalPostgresCluster});</li>
 * <li>{@code env}: the server of {@code AUDITLOG_TEST_POSTGRES_URL} (with {@code _USER}
 * and {@code _PASSWORD}), else the machine's PostgreSQL on
 * {@code 127.0.0.1:5432/test};</li>
 * <li>empty (the default): {@code tmpfs} when the binaries are there, else
 * {@code env}.</li>
 * </ul>
 */
public final class BenchmarkDatabases implements AutoCloseable {

	/**
	 * The port of the tmpfs cluster: 55432, or {@code AUDITLOG_BENCH_PG_PORT} so that two
	 * runs on one machine do not take each other's cluster.
	 */
	private static final int CLUSTER_PORT = Integer
		.parseInt(System.getenv().getOrDefault("AUDITLOG_BENCH_PG_PORT", "55432"));

	private final BenchmarkDatabase database;

	private final @Nullable LocalPostgresCluster cluster;

	private BenchmarkDatabases(BenchmarkDatabase database, @Nullable LocalPostgresCluster cluster) {
		this.database = database;
		this.cluster = cluster;
	}

	/**
	 * Open the database a run asks for.
	 * @param choice {@code tmpfs}, {@code env} or empty
	 * @return the open database, to close after the run
	 */
	public static BenchmarkDatabases open(String choice) {
		String normalized = choice.trim().toLowerCase(Locale.ROOT);
		Path binaries = LocalPostgresCluster.findBinaries();
		if (normalized.equals("tmpfs") || (normalized.isEmpty() && binaries != null)) {
			if (binaries == null) {
				throw new IllegalStateException("bench.db=tmpfs needs the PostgreSQL binaries (initdb, pg_ctl) under "
						+ "/usr/lib/postgresql/<version>/bin or in AUDITLOG_BENCH_PG_BIN, and /dev/shm");
			}
			LocalPostgresCluster cluster = LocalPostgresCluster.start(binaries, CLUSTER_PORT);
			// stop it also when the run is interrupted
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-benchmark-postgres"));
			return new BenchmarkDatabases(cluster.database(), cluster);
		}
		if (!normalized.isEmpty() && !normalized.equals("env")) {
			throw new IllegalArgumentException("bench.db must be tmpfs or env, not '" + choice + "'");
		}
		String url = System.getenv("AUDITLOG_TEST_POSTGRES_URL");
		if (url == null || url.isBlank()) {
			return new BenchmarkDatabases(new BenchmarkDatabase("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "",
					"the machine's PostgreSQL server at `jdbc:postgresql://127.0.0.1:5432/test`"), null);
		}
		return new BenchmarkDatabases(new BenchmarkDatabase(url, orEmpty(System.getenv("AUDITLOG_TEST_POSTGRES_USER")),
				orEmpty(System.getenv("AUDITLOG_TEST_POSTGRES_PASSWORD")),
				"the server of `AUDITLOG_TEST_POSTGRES_URL` (`" + url + "`)"), null);
	}

	public BenchmarkDatabase database() {
		return this.database;
	}

	@Override
	public void close() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
