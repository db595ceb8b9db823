package dev.auditlog.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredJsonTests {

	private static final Function<Object, @Nullable Object> TO_STRING = String::valueOf;

	@Test
	void plainValuesStay() {
		Map<String, Object> data = Map.of("s", "text", "n", 42, "b", true, "d", 1.5, "l", List.of(1, "x"));
		assertThat(StoredJson.of(data, 100, TO_STRING)).isEqualTo(data);
	}

	@Test
	void numbersAJsonColumnRefusesBecomeText() {
		assertThat(StoredJson.of(new BigDecimal("1E+200000"), 100, TO_STRING)).isEqualTo("1E+200000");
		assertThat(StoredJson.of(new BigDecimal("1E-20000"), 100, TO_STRING)).isEqualTo("1E-20000");
		assertThat(StoredJson.of(new BigDecimal("12.50"), 100, TO_STRING)).isEqualTo(new BigDecimal("12.50"));
		assertThat(StoredJson.of(BigInteger.TEN.pow(2000), 5000, TO_STRING)).isInstanceOf(String.class);
		assertThat(StoredJson.of(Double.POSITIVE_INFINITY, 100, TO_STRING)).isEqualTo("Infinity");
		assertThat(StoredJson.of(Float.NaN, 100, TO_STRING)).isEqualTo("NaN");
	}

	@Test
	void cyclesAreCutWhereTheyRepeat() {
		Map<String, Object> a = new HashMap<>();
		Map<String, Object> b = new HashMap<>();
		a.put("b", b);
		b.put("a", a);
		assertThat(StoredJson.of(a, 100, TO_STRING)).isEqualTo(Map.of("b", Map.of("a", StoredJson.CYCLE)));
		List<Object> list = new ArrayList<>();
		list.add(list);
		assertThat(StoredJson.of(list, 100, TO_STRING)).isEqualTo(List.of(StoredJson.CYCLE));
	}

	@Test
	void sharedButNotCyclicContainersAreKept() {
		Map<String, Object> shared = Map.of("k", "v");
		assertThat(StoredJson.of(List.of(shared, shared), 100, TO_STRING)).isEqualTo(List.of(shared, shared));
	}

	@Test
	void nestingIsCutAtTheMaximumDepth() {
		Object nested = "leaf";
		for (int i = 0; i < 5000; i++) {
			nested = List.of(nested);
		}
		Object stored = StoredJson.of(nested, 100, TO_STRING);
		int depth = 0;
		while (stored instanceof List<?> list) {
			stored = list.get(0);
			depth++;
		}
		assertThat(depth).isEqualTo(StoredJson.MAX_DEPTH);
		assertThat(stored).isEqualTo(StoredJson.TOO_DEEP);
	}

	@Test
	void largeContainersKeepTheirFirstMembers() {
		List<Integer> many = new ArrayList<>();
		for (int i = 0; i < StoredJson.MAX_ELEMENTS + 5; i++) {
			many.add(i);
		}
		List<?> stored = (List<?>) StoredJson.of(many, 100, TO_STRING);
		assertThat(stored).hasSize(StoredJson.MAX_ELEMENTS + 1);
		assertThat(stored.get(StoredJson.MAX_ELEMENTS)).isEqualTo("(… 5 more)");
	}

	@Test
	void objectsAreConvertedAndFallBackToTheirTextThenTheirClass() {
		record Point(int x, int y) {
		}
		Function<Object, @Nullable Object> converter = (value) -> {
			if (value instanceof Point point) {
				return Map.of("x", point.x(), "y", point.y());
			}
			throw new IllegalArgumentException("not JSON");
		};
		assertThat(StoredJson.of(new Point(1, 2), 100, converter)).isEqualTo(Map.of("x", 1, "y", 2));
		assertThat(StoredJson.of(new StringBuilder("sb"), 100, converter)).isEqualTo("sb");
		Object broken = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException();
			}
		};
		assertThat((String) StoredJson.of(broken, 100, converter)).startsWith(StoredJsonTests.class.getName());
		assertThat(StoredJson.of(new byte[] { 1, 2 }, 100, converter)).isEqualTo("(binary: 2 bytes)");
	}

	@Test
	void stringsAndKeysAreCleanedAndFitted() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("k\u0000", "v\u0000" + "x".repeat(200));
		@SuppressWarnings("unchecked")
		Map<String, Object> stored = (Map<String, Object>) StoredJson.of(data, 64, TO_STRING);
		assertThat(stored).containsOnlyKeys("k\uFFFD");
		assertThat((String) stored.get("k\uFFFD")).hasSize(64).startsWith("v\uFFFD");
	}

	@Test
	void sharedContainersUnfoldToABoundedSize() {
		Object level = List.of("leaf");
		for (int i = 0; i < 25; i++) {
			level = List.of(level, level);
		}
		String text = String.valueOf(StoredJson.of(level, 100, TO_STRING));
		assertThat(text).contains(StoredJson.TOO_LARGE);
		assertThat(text.split("leaf", -1).length - 1).isLessThanOrEqualTo(StoredJson.MAX_VALUES);
	}

	@Test
	void anyRandomGraphIsConvertedWithinTheLimits() {
		long seed = 77L;
		Random random = new Random(seed);
		for (int run = 0; run < 300; run++) {
			List<Object> containers = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(20); i++) {
				containers.add(random.nextBoolean() ? new HashMap<String, Object>() : new ArrayList<>());
			}
			for (int i = 0; i < 40; i++) {
				Object from = containers.get(random.nextInt(containers.size()));
				Object to = random.nextInt(4) == 0 ? (Object) ("t" + i)
						: containers.get(random.nextInt(containers.size()));
				if (from instanceof Map<?, ?>) {
					@SuppressWarnings("unchecked")
					Map<String, Object> map = (Map<String, Object>) from;
					map.put("k" + i, to);
				}
				else {
					@SuppressWarnings("unchecked")
					List<Object> list = (List<Object>) from;
					list.add(to);
				}
			}
			Object stored = StoredJson.of(containers.get(0), 100, TO_STRING);
			assertThat(depth(stored)).as("seed %d, run %d", seed, run).isLessThanOrEqualTo(StoredJson.MAX_DEPTH);
		}
	}

	private static int depth(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			return 1 + map.values().stream().mapToInt(StoredJsonTests::depth).max().orElse(0);
		}
		if (value instanceof List<?> list) {
			return 1 + list.stream().mapToInt(StoredJsonTests::depth).max().orElse(0);
		}
		return 0;
	}

}
