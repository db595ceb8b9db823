package dev.auditlog.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.auditlog.core.Changes;
import dev.auditlog.core.CollectionChange;
import dev.auditlog.core.CollectionChange.Operation;
import dev.auditlog.core.FieldChange;
import dev.auditlog.core.ValueChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bag and any list: the logged additions and removals turn the old elements into the
 * new ones, and a change of order is logged exactly when the elements that stayed cannot
 * keep their order. Seeded, so that a failure names an input that can be replayed.
 */
class CollectionDiffRandomTests {

	private static final long SEED = 20_260_310L;

	private static final int TRIES = 2_000;

	private final ChangeDetector detector = new ChangeDetector();

	private final FieldPolicy policy = FieldPolicy.builder("Box")
		.collectionField("items")
		.options(TestModelOptions.options().m2m("items").build())
		.build();

	@Test
	void loggedAdditionsAndRemovalsReproduceTheNewBagFromTheOld() {
		Random random = new Random(SEED);
		for (int i = 0; i < TRIES; i++) {
			List<String> before = randomList(random);
			List<String> after = randomList(random);
			Map<String, Integer> bag = bagOf(before);
			for (Changes changes : this.detector.diffCollection("items", before, after, this.policy)) {
				CollectionChange change = (CollectionChange) changes.get("items");
				for (String object : change.objects()) {
					bag.merge(object, (change.operation() == Operation.ADD) ? 1 : -1, Integer::sum);
				}
			}
			bag.values().removeIf((count) -> count == 0);
			assertThat(bag).as("seed %d, try %d: %s -> %s", SEED, i, before, after).isEqualTo(bagOf(after));
		}
	}

	@Test
	void changeOfOrderIsLoggedExactlyWhenTheKeptElementsCannotKeepTheirOrder() {
		Random random = new Random(SEED + 1);
		int reordered = 0;
		for (int i = 0; i < TRIES; i++) {
			List<String> before = randomList(random);
			List<String> after = (random.nextBoolean()) ? shuffledWithEdits(before, random) : randomList(random);
			List<Changes> changes = this.detector.diffCollection("items", before, after, true, this.policy);
			List<FieldChange> orderChanges = changes.stream()
				.map((change) -> change.get("items"))
				.filter((change) -> change instanceof ValueChange)
				.toList();
			int kept = before.size() - removedCount(before, after);
			boolean expected = kept > 1 && lcs(before, after, 0, 0, new HashMap<>()) < kept;
			assertThat(!orderChanges.isEmpty()).as("seed %d, try %d: %s -> %s", SEED + 1, i, before, after)
				.isEqualTo(expected);
			if (expected) {
				reordered++;
				assertThat(orderChanges).singleElement()
					.isEqualTo(new ValueChange(String.join(", ", before).transform((text) -> "[" + text + "]"),
							String.join(", ", after).transform((text) -> "[" + text + "]")));
			}
		}
		assertThat(reordered).as("tries with a change of order").isBetween(TRIES / 10, TRIES - TRIES / 10);
	}

	private static List<String> randomList(Random random) {
		int size = random.nextInt(7);
		List<String> elements = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			elements.add(String.valueOf((char) ('A' + random.nextInt(4))));
		}
		return elements;
	}

	private static List<String> shuffledWithEdits(List<String> elements, Random random) {
		List<String> edited = new ArrayList<>(elements);
		if (!edited.isEmpty() && random.nextBoolean()) {
			edited.remove(random.nextInt(edited.size()));
		}
		if (random.nextBoolean()) {
			edited.add(random.nextInt(edited.size() + 1), String.valueOf((char) ('A' + random.nextInt(4))));
		}
		if (edited.size() > 1 && random.nextBoolean()) {
			int first = random.nextInt(edited.size());
			int second = random.nextInt(edited.size());
			edited.set(first, edited.set(second, edited.get(first)));
		}
		return edited;
	}

	private static Map<String, Integer> bagOf(List<String> elements) {
		Map<String, Integer> bag = new HashMap<>();
		elements.forEach((element) -> bag.merge(element, 1, Integer::sum));
		return bag;
	}

	private static int removedCount(List<String> before, List<String> after) {
		Map<String, Integer> bag = bagOf(after);
		int removed = 0;
		for (String element : before) {
			if (bag.merge(element, -1, Integer::sum) < 0) {
				removed++;
			}
		}
		return removed;
	}

	// the textbook recursion, as a reference independent of the implementation's table
	private static int lcs(List<String> first, List<String> second, int i, int j, Map<Long, Integer> memo) {
		if (i == first.size() || j == second.size()) {
			return 0;
		}
		long key = ((long) i << 32) | j;
		Integer known = memo.get(key);
		if (known != null) {
			return known;
		}
		int length = first.get(i).equals(second.get(j)) ? 1 + lcs(first, second, i + 1, j + 1, memo)
				: Math.max(lcs(first, second, i + 1, j, memo), lcs(first, second, i, j + 1, memo));
		memo.put(key, length);
		return length;
	}

}
