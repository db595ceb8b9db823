package dev.auditlog.benchmarks.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster of the machine's own PostgreSQL binaries, created for one
 * benchmark run in a tmpfs directory ({@code /dev/shm}) and removed after it. fsync stays
 * on; on tmpfs it costs little, so the figures measure what the variants do rather than
 * what the disk allows (this machine's disk is rate-limited once its burst budget is
 * spent). PostgreSQL refuses to run as root: when the benchmark runs as root the cluster
 * runs as the {@code postgres} user.
 */
public final class LocalPostgresCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalPostgresCluster.class);

	private static final Path TMPFS = Path.of("/dev/shm");

	private static final String SERVER_SETTINGS = "-c listen_addresses=127.0.0.1 -c max_connections=200 "
			+ "-c shared_buffers=512MB -c fsync=on -c synchronous_commit=on";

	private final Path binaries;

	private final Path directory;

	private final int port;

	private boolean closed;

	private LocalPostgresCluster(Path binaries, Path directory, int port) {
		this.binaries = binaries;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Return the directory of the machine's PostgreSQL binaries, the newest version when
	 * there are several.
	 * @return the directory holding {@code initdb} and {@code pg_ctl}, or {@code null}
	 */
	public static @Nullable Path findBinaries() {
		String configured = System.getenv("AUDITLOG_BENCH_PG_BIN");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root) || !Files.isDirectory(TMPFS)) {
			return null;
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.comparingInt(LocalPostgresCluster::majorVersion))
				.orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static int majorVersion(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Create and start a cluster.
	 * @param binaries the directory of the PostgreSQL binaries
	 * @param port the port to listen on, on 127.0.0.1
	 * @return the running cluster
	 */
	public static LocalPostgresCluster start(Path binaries, int port) {
		Path directory = TMPFS.resolve("auditlog-benchmarks-" + port);
		LocalPostgresCluster cluster = new LocalPostgresCluster(binaries, directory, port);
		cluster.removeLeftovers();
		try {
			Files.createDirectories(directory);
			if (runsAsRoot()) {
				UserPrincipal postgres = directory.getFileSystem()
					.getUserPrincipalLookupService()
					.lookupPrincipalByName("postgres");
				Files.setOwner(directory, postgres);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not create " + directory, ex);
		}
		cluster.run("initdb", "-D", cluster.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C");
		cluster.run("pg_ctl", "-D", cluster.data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
				"-o", "-p " + port + " -k " + directory + " " + SERVER_SETTINGS, "start");
		logger.info("Started a PostgreSQL cluster in {} (tmpfs) on port {}", directory, port);
		return cluster;
	}

	/**
	 * Return the database of this cluster.
	 * @return the {@code postgres} database, as user {@code postgres}
	 */
	public BenchmarkDatabase database() {
		return new BenchmarkDatabase("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "",
				"a PostgreSQL cluster the benchmark created for this run with the machine's binaries (" + this.binaries
						+ ") in `" + this.directory + "` (tmpfs), port " + this.port + ", settings `" + SERVER_SETTINGS
						+ "`");
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			run("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
		}
		finally {
			delete(this.directory);
		}
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private void removeLeftovers() {
		if (Files.isDirectory(this.directory.resolve("data"))) {
			try {
				run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
			}
			catch (IllegalStateException ex) {
				logger.debug("No server was left running in {}", this.directory, ex);
			}
		}
		delete(this.directory);
	}

	private void run(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (runsAsRoot()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(this.binaries.resolve(program).toString());
		command.addAll(List.of(arguments));
		try {
			Path output = Files.createTempFile("auditlog-benchmarks-" + program, ".log");
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.directory(Path.of("/tmp").toFile())
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
							+ process.exitValue() + ":\n" + Files.readString(output));
				}
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
		}
	}

	private static boolean runsAsRoot() {
		return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
	}

	private static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.warn("Could not delete {}", directory, ex);
		}
	}

}
