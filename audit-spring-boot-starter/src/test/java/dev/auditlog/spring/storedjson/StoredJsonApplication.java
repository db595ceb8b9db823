package dev.auditlog.spring.storedjson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.spring.AdditionalDataProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application that adds the same additional data, of every kind of JSON value and an
 * object of its own, to each entry.
 */
@SpringBootApplication
public class StoredJsonApplication {

	@Bean
	AdditionalDataProvider parcelData() {
		return (entity, action) -> data();
	}

	/**
	 * Return data of every kind: text beyond ASCII, a {@code null}, decimals with a
	 * trailing zero and an exponent, a fraction, integers beyond {@code long}, booleans,
	 * members out of alphabetical order, an instant with microseconds and a record.
	 */
	static Map<String, @Nullable Object> data() {
		Map<String, @Nullable Object> where = new LinkedHashMap<>();
		where.put("zone", "Süd");
		where.put("aisle", 7);
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("receiver", "Grüße an Zoë \uD83D\uDCE6");
		data.put("note", null);
		data.put("price", new BigDecimal("12.50"));
		data.put("large", new BigDecimal("1E+3"));
		data.put("ratio", 0.1);
		data.put("count", 3);
		data.put("big", new BigInteger("123456789012345678901234567890"));
		data.put("flags", List.of(true, false));
		data.put("where", where);
		data.put("shippedAt", Instant.parse("2025-03-04T05:06:07.123456Z"));
		data.put("shipment", new Shipment("T-1", 3));
		return data;
	}

	/**
	 * An object of the application's own in the data.
	 */
	public record Shipment(String trackingCode, int parcelCount) {
	}

}
