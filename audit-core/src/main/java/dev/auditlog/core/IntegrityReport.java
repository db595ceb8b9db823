package dev.auditlog.core;

import java.util.List;

/**
 * The result of verifying the integrity of the audit log: how many entries and seals were
 * checked and what was found wrong.
 *
 * @param entries the number of entries checked
 * @param seals the number of seals checked
 * @param pending the number of entries written but not yet sealed (within the time
 * allowed for sealing, so not a problem)
 * @param problems what was found wrong, in the order found: seal by seal (the seal's own
 * problems, then those of its entries in id order), then entries not yet sealed; at most
 * {@value #MAX_PROBLEMS}
 * @since 0.2.0
 */
public record IntegrityReport(long entries, long seals, long pending, List<IntegrityProblem> problems) {

	/** The largest number of problems a report lists. */
	public static final int MAX_PROBLEMS = 1000;

	public IntegrityReport {
		problems = List.copyOf(problems);
	}

	/**
	 * Return whether nothing was found wrong.
	 * @return {@code true} when there are no problems
	 */
	public boolean valid() {
		return this.problems.isEmpty();
	}

}
