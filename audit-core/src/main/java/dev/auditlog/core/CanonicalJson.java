package dev.auditlog.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree in one canonical text, so that two documents that differ only in
 * member order or number spelling are written alike: members sorted by name, no white
 * space, strings escaped as JSON does, numbers by value without trailing zeros
 * ({@code 1.50} and {@code 1.5}, {@code 1E+2} and {@code 100} are the same) in plain
 * notation up to an exponent the caller chooses (beyond it, scientific, so that a hostile
 * number cannot blow up the text). A number that is no JSON number ({@code NaN}) is
 * written as the string Java gives it.
 *
 * @since 0.1.0
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	/**
	 * Append the canonical text of a tree.
	 * @param node the tree
	 * @param maxPlainExponent the largest exponent (in absolute value) written in plain
	 * notation
	 * @param text where to append
	 */
	public static void write(JsonNode node, int maxPlainExponent, StringBuilder text) {
		if (node.isObject()) {
			text.append('{');
			List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
			members.sort(Map.Entry.comparingByKey());
			for (int i = 0; i < members.size(); i++) {
				if (i > 0) {
					text.append(',');
				}
				quote(members.get(i).getKey(), text);
				text.append(':');
				write(members.get(i).getValue(), maxPlainExponent, text);
			}
			text.append('}');
		}
		else if (node.isArray()) {
			text.append('[');
			int i = 0;
			for (JsonNode element : node.values()) {
				if (i++ > 0) {
					text.append(',');
				}
				write(element, maxPlainExponent, text);
			}
			text.append(']');
		}
		else if (node.isNumber()) {
			writeNumber(node, maxPlainExponent, text);
		}
		else if (node.isBoolean()) {
			text.append(node.booleanValue());
		}
		else if (node.isNull() || node.isMissingNode()) {
			text.append("null");
		}
		else {
			// strings, and binary or POJO nodes by their text
			quote(node.asString(), text);
		}
	}

	/**
	 * Append a string as a JSON string: quoted and escaped.
	 * @param value the string
	 * @param text where to append
	 */
	public static void quote(String value, StringBuilder text) {
		text.append('"');
		JsonStringEncoder.getInstance().quoteAsString(value, text);
		text.append('"');
	}

	private static void writeNumber(JsonNode node, int maxPlainExponent, StringBuilder text) {
		BigDecimal value;
		if (node.isIntegralNumber()) {
			value = new BigDecimal(node.bigIntegerValue());
		}
		else if (node.isDouble() || node.isFloat()) {
			double number = node.doubleValue();
			String spelled = node.isFloat() ? Float.toString(node.floatValue()) : Double.toString(number);
			if (!Double.isFinite(number)) {
				quote(spelled, text);
				return;
			}
			value = new BigDecimal(spelled);
		}
		else {
			value = node.decimalValue();
		}
		value = value.stripTrailingZeros();
		if (value.signum() == 0) {
			text.append('0');
		}
		else if (Math.abs(value.scale()) > maxPlainExponent) {
			text.append(value);
		}
		else {
			text.append(value.toPlainString());
		}
	}

}
