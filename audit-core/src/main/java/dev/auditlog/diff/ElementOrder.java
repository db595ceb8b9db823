package dev.auditlog.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether the order of an ordered collection changed beyond its additions and
 * removals: whether the elements that stayed can be matched from the old list to the new
 * one in the same order (the longest common subsequence of both lists holds every element
 * that stayed).
 */
final class ElementOrder {

	/**
	 * The largest table the exact comparison of lists with repeated elements may fill.
	 */
	private static final long MAX_CELLS = 4_000_000;

	private ElementOrder() {
	}

	/**
	 * Return whether the elements that stayed changed their order.
	 * @param before the elements before, in order
	 * @param after the elements after, in order
	 * @param kept how many elements stayed (the size of the bag both lists share)
	 * @return {@code true} if no matching of the kept elements keeps their order
	 */
	static boolean changed(List<?> before, List<?> after, int kept) {
		if (kept < 2) {
			return false;
		}
		if (distinct(before) && distinct(after)) {
			return !keptOf(before, after).equals(keptOf(after, before));
		}
		if ((long) before.size() * after.size() <= MAX_CELLS) {
			return longestCommonSubsequence(before, after) < kept;
		}
		// too large for the exact comparison: match the n-th occurrence of an element
		// before with its n-th occurrence after
		return !firstOccurrences(before, after).equals(firstOccurrences(after, before));
	}

	private static boolean distinct(List<?> elements) {
		return new HashSet<>(elements).size() == elements.size();
	}

	private static List<Object> keptOf(List<?> elements, List<?> other) {
		Set<Object> in = new HashSet<>(other);
		List<Object> kept = new ArrayList<>(elements.size());
		for (Object element : elements) {
			if (in.contains(element)) {
				kept.add(element);
			}
		}
		return kept;
	}

	private static List<Object> firstOccurrences(List<?> elements, List<?> other) {
		Map<Object, Integer> available = new HashMap<>();
		for (Object element : other) {
			available.merge(element, 1, Integer::sum);
		}
		List<Object> kept = new ArrayList<>(elements.size());
		for (Object element : elements) {
			if (available.merge(element, -1, Integer::sum) >= 0) {
				kept.add(element);
			}
		}
		return kept;
	}

	private static int longestCommonSubsequence(List<?> first, List<?> second) {
		int[] previous = new int[second.size() + 1];
		int[] current = new int[second.size() + 1];
		for (Object element : first) {
			for (int j = 1; j <= second.size(); j++) {
				current[j] = Objects.equals(element, second.get(j - 1)) ? previous[j - 1] + 1
						: Math.max(previous[j], current[j - 1]);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[second.size()];
	}

}
