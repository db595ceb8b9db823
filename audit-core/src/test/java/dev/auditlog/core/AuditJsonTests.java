package dev.auditlog.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuditJsonTests {

	/** What wrote and read the JSON columns before the format had one owner. */
	private static final JsonMapper JACKSON_DEFAULTS = JsonMapper.builder().build();

	private static final String[] TEXTS = { "", "plain", "Grüße", "日本", "emoji \uD83D\uDE00", "quote \" and \\",
			"line\nbreak", "tab\t", "</script>", "\u0001control" };

	@Test
	void writesWhatJacksonsDefaultsWroteForAnyPlainValue() {
		for (long seed = 0; seed < 500; seed++) {
			Object value = value(new Random(seed), 0);
			String text = AuditJson.mapper().writeValueAsString(value);
			assertThat(text).as("seed %d, value %s", seed, value).isEqualTo(JACKSON_DEFAULTS.writeValueAsString(value));
			assertThat(AuditJson.mapper().readValue(text, Object.class)).as("seed %d, text %s", seed, text)
				.isEqualTo(JACKSON_DEFAULTS.readValue(text, Object.class));
		}
	}

	@Test
	void writesCompactlyInTheGivenOrderWithNulls() {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("b", new BigDecimal("12.50"));
		data.put("a", null);
		data.put("when", Instant.parse("2025-01-02T03:04:05Z"));
		data.put("day", LocalDate.of(2025, 1, 2));
		data.put("text", "Grüße");
		assertThat(AuditJson.mapper().writeValueAsString(data))
			.isEqualTo("{\"b\":12.50,\"a\":null,\"when\":\"2025-01-02T03:04:05Z\",\"day\":\"2025-01-02\","
					+ "\"text\":\"Grüße\"}");
	}

	@Test
	void theConverterWritesWithTheGivenModules() {
		SimpleModule module = new SimpleModule().addSerializer(Money.class, new MoneySerializer());
		JsonMapper converter = AuditJson.converter(List.of(module), 60);
		assertThat(converter.writeValueAsString(Map.of("price", new Money(1250))))
			.isEqualTo("{\"price\":\"12.50 EUR\"}");
		assertThat(converter.writeValueAsString(new Shipment("T-1", 3)))
			.isEqualTo("{\"trackingCode\":\"T-1\",\"parcels\":3}")
			.isEqualTo(JACKSON_DEFAULTS.writeValueAsString(new Shipment("T-1", 3)));
	}

	@Test
	void theConverterFailsBeyondItsNestingDepthInsteadOfOverflowingTheStack() {
		Node cycle = new Node();
		cycle.next = cycle;
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> AuditJson.converter(List.of(), 60).writeValueAsString(cycle));
	}

	private static @Nullable Object value(Random random, int depth) {
		int kind = random.nextInt((depth < 4) ? 12 : 10);
		return switch (kind) {
			case 0 -> null;
			case 1 -> random.nextBoolean();
			case 2 -> random.nextLong();
			case 3 -> random.nextInt();
			case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
			case 5 -> new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(40) - 20);
			case 6 -> new BigInteger(130, random);
			case 7, 8 -> TEXTS[random.nextInt(TEXTS.length)];
			case 9 -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
			case 10 -> {
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				int size = random.nextInt(5);
				for (int i = 0; i < size; i++) {
					map.put(TEXTS[random.nextInt(TEXTS.length)] + i, value(random, depth + 1));
				}
				yield map;
			}
			default -> {
				List<@Nullable Object> list = new ArrayList<>();
				int size = random.nextInt(5);
				for (int i = 0; i < size; i++) {
					list.add(value(random, depth + 1));
				}
				yield list;
			}
		};
	}

	record Money(long cents) {
	}

	record Shipment(String trackingCode, int parcels) {
	}

	static final class Node {

		@Nullable Node next;

		public @Nullable Node getNext() {
			return this.next;
		}

	}

	static final class MoneySerializer extends StdSerializer<Money> {

		MoneySerializer() {
			super(Money.class);
		}

		@Override
		public void serialize(Money value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(BigDecimal.valueOf(value.cents(), 2).toPlainString() + " EUR");
		}

	}

}
