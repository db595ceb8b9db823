package dev.auditlog.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

import dev.auditlog.benchmarks.database.BenchmarkDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * What the report says about the machine, the versions and the database of a run.
 */
final class RunFacts {

	private RunFacts() {
	}

	static List<String> machine() {
		List<String> machine = new ArrayList<>();
		machine.add(Runtime.getRuntime().availableProcessors() + " processors");
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			machine.add(String.format(Locale.ROOT, "%.0f GiB memory", os.getTotalMemorySize() / 1073741824.0));
		}
		String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name");
		if (cpu != null) {
			machine.add(cpu.substring(cpu.indexOf(':') + 1).trim());
		}
		machine.add(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		machine.add(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
		return machine;
	}

	static List<String> versions() {
		List<String> versions = new ArrayList<>();
		versions.add("auditlog " + System.getProperty("bench.version", "(working tree)"));
		versions.add("Spring Boot " + SpringBootVersion.getVersion());
		versions.add("Spring Framework " + SpringVersion.getVersion());
		versions.add("Hibernate ORM and Envers " + org.hibernate.Version.getVersionString()
				+ " (pinned in this module: hibernate-envers 7.4.5 is not in the registry)");
		versions.add("JaVers " + mavenVersion("org.javers", "javers-core", org.javers.core.Javers.class));
		versions.add("PostgreSQL JDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION);
		versions.add("JMH " + mavenVersion("org.openjdk.jmh", "jmh-core", org.openjdk.jmh.runner.Runner.class));
		return versions;
	}

	static List<String> database(BenchmarkDatabase database) {
		List<String> facts = new ArrayList<>();
		facts.add(database.location());
		facts.add("PostgreSQL " + database.queryForString("SHOW server_version"));
		String directory = database.queryForString("SHOW data_directory");
		String fileSystem = (directory != null) ? fileSystemOf(directory) : null;
		facts.add("data directory `" + directory + "`" + ((fileSystem != null) ? " on " + fileSystem : ""));
		facts.add("fsync=" + database.queryForString("SHOW fsync") + ", synchronous_commit="
				+ database.queryForString("SHOW synchronous_commit") + ", shared_buffers="
				+ database.queryForString("SHOW shared_buffers"));
		return facts;
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static @Nullable String fileSystemOf(String directory) {
		try {
			String best = null;
			String bestMount = "";
			for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
				String[] parts = line.split(" ");
				if (parts.length > 2 && directory.startsWith(parts[1]) && parts[1].length() >= bestMount.length()) {
					bestMount = parts[1];
					best = parts[2] + " (" + parts[0] + " mounted on " + parts[1] + ")";
				}
			}
			return best;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String firstLine(Path file, String prefix) {
		try {
			return Files.readAllLines(file).stream().filter((line) -> line.startsWith(prefix)).findFirst().orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String mavenVersion(String group, String artifact, Class<?> type) {
		try (InputStream in = type.getClassLoader()
			.getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				return Objects.requireNonNullElse(properties.getProperty("version"), "?");
			}
		}
		catch (IOException ex) {
			// fall back to the manifest
		}
		String version = type.getPackage().getImplementationVersion();
		if (version != null) {
			return version;
		}
		// a jar built without Maven's metadata: its file name carries the version
		String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
		String prefix = artifact + "-";
		int start = location.lastIndexOf(prefix);
		return (start >= 0 && location.endsWith(".jar"))
				? location.substring(start + prefix.length(), location.length() - ".jar".length()) : "?";
	}

}
