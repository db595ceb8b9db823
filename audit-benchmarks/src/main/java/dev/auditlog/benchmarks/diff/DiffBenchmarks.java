package dev.auditlog.benchmarks.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.auditlog.benchmarks.BenchmarkSettings;
import dev.auditlog.benchmarks.report.DiffScore;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ChangeDetectorBenchmark} with JMH in forked JVMs, JMH's own output
 * silenced: the results are logged and written to the report.
 */
public final class DiffBenchmarks {

	private static final Logger logger = LoggerFactory.getLogger(DiffBenchmarks.class);

	private DiffBenchmarks() {
	}

	/**
	 * Run the benchmarks.
	 * @param settings the run's settings
	 * @return the score of each benchmark method
	 */
	public static List<DiffScore> run(BenchmarkSettings settings) {
		Options options = new OptionsBuilder().include(ChangeDetectorBenchmark.class.getName() + "\\.")
			.forks(settings.jmhForks())
			.warmupIterations(settings.jmhIterations())
			.warmupTime(TimeValue.milliseconds(settings.jmhIteration().toMillis()))
			.measurementIterations(settings.jmhIterations())
			.measurementTime(TimeValue.milliseconds(settings.jmhIteration().toMillis()))
			.verbosity(VerboseMode.SILENT)
			.build();
		Collection<RunResult> results;
		try {
			results = new Runner(options).run();
		}
		catch (RunnerException ex) {
			throw new IllegalStateException("JMH failed", ex);
		}
		List<DiffScore> scores = new ArrayList<>();
		for (RunResult result : results) {
			Result<?> primary = result.getPrimaryResult();
			String method = result.getParams().getBenchmark();
			DiffScore score = new DiffScore(method.substring(method.lastIndexOf('.') + 1), primary.getScore(),
					primary.getScoreError(), primary.getScoreUnit());
			logger.info("JMH {}: {} ± {} {}", score.benchmark(), String.format("%.1f", score.score()),
					String.format("%.1f", score.error()), score.unit());
			scores.add(score);
		}
		return scores;
	}

}
