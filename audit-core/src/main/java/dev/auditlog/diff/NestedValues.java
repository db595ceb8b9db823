package dev.auditlog.diff;

import java.util.List;
import java.util.Map;

import dev.auditlog.core.AuditJson;
import dev.auditlog.core.CanonicalJson;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.core.Masker;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns structured values into canonical JSON text: JSON documents (a map, a list, a
 * {@link JsonNode}, JSON text, or any other object as Jackson writes it) and
 * {@link EmbeddableValue embeddable elements}. Canonical means: object members sorted by
 * name, numbers by their value in plain notation without trailing zeros ({@code 1.50} and
 * {@code 1.5} are one number), no white space. So two values are the same document
 * exactly when their canonical texts are equal, and member order alone is never a change.
 * <p>
 * Excluded paths are removed from the clear tree, which is compared; masked paths are
 * replaced by the masked text of their value only when the tree is written for the log. A
 * path crosses arrays: {@code items.secret} reaches {@code secret} in every element of
 * the array {@code items}. A member whose name holds dots is reached too:
 * {@code user.email} names the member {@code "user.email"} as well as {@code email} in
 * {@code user}.
 */
final class NestedValues {

	private static final JsonMapper JSON = AuditJson.mapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Numbers with a larger exponent are written in scientific notation, not plain. */
	private static final int MAX_PLAIN_EXPONENT = 40;

	private NestedValues() {
	}

	/**
	 * Return the value as a tree with the excluded paths removed. Never returns a tree
	 * shared with the value.
	 * @throws RuntimeException if the value cannot be written as JSON, or is text that is
	 * not JSON
	 */
	static JsonNode clearTree(Object value, NestedPaths paths, ValueFormatter formatter,
			FkRepresentation fkRepresentation) {
		JsonNode tree = (value instanceof EmbeddableValue element)
				? elementTree(element, "", paths, formatter, fkRepresentation) : documentTree(value);
		for (List<String> path : paths.excluded()) {
			remove(tree, path, 0);
		}
		return tree;
	}

	/**
	 * Return the canonical JSON text of a tree.
	 */
	static String canonical(JsonNode tree) {
		StringBuilder text = new StringBuilder();
		write(tree, text);
		return text.toString();
	}

	/**
	 * Return the canonical JSON text of a clear tree with its masked paths masked.
	 */
	static String maskedText(JsonNode clearTree, NestedPaths paths, Masker masker) {
		if (paths.masked().isEmpty()) {
			return canonical(clearTree);
		}
		JsonNode tree = clearTree.deepCopy();
		for (List<String> path : paths.masked()) {
			mask(tree, path, 0, masker);
		}
		return canonical(tree);
	}

	private static JsonNode documentTree(Object value) {
		if (value instanceof JsonNode node) {
			return node.deepCopy();
		}
		if (value instanceof CharSequence text) {
			return JSON.readTree(text.toString());
		}
		if (value instanceof char[] chars) {
			return JSON.readTree(new String(chars));
		}
		if (value.getClass().getName().startsWith("com.fasterxml.jackson.databind.node.")) {
			// a Jackson 2 tree, which Jackson 3 would write as a bean: its toString() is
			// its JSON
			return JSON.readTree(value.toString());
		}
		return JSON.valueToTree(value);
	}

	private static ObjectNode elementTree(EmbeddableValue element, String prefix, NestedPaths paths,
			ValueFormatter formatter, FkRepresentation fkRepresentation) {
		ObjectNode tree = NODES.objectNode();
		for (Map.Entry<String, @Nullable Object> field : element.values().entrySet()) {
			String path = prefix + field.getKey();
			Object value = field.getValue();
			if (value == null) {
				tree.putNull(field.getKey());
			}
			else if (value instanceof EmbeddableValue nested) {
				tree.set(field.getKey(), elementTree(nested, path + ".", paths, formatter, fkRepresentation));
			}
			else if (paths.documents().contains(path)) {
				tree.set(field.getKey(), documentTree(value));
			}
			else {
				tree.put(field.getKey(), formatter.format(value, fkRepresentation));
			}
		}
		return tree;
	}

	private static void remove(JsonNode node, List<String> path, int index) {
		if (node instanceof ArrayNode array) {
			array.values().forEach((element) -> remove(element, path, index));
		}
		else if (node instanceof ObjectNode object) {
			if (index < path.size() - 1) {
				object.remove(rest(path, index));
			}
			String name = path.get(index);
			if (index == path.size() - 1) {
				object.remove(name);
			}
			else {
				JsonNode child = object.get(name);
				if (child != null) {
					remove(child, path, index + 1);
				}
			}
		}
	}

	private static void mask(JsonNode node, List<String> path, int index, Masker masker) {
		if (node instanceof ArrayNode array) {
			array.values().forEach((element) -> mask(element, path, index, masker));
		}
		else if (node instanceof ObjectNode object) {
			if (index < path.size() - 1) {
				maskMember(object, rest(path, index), masker);
			}
			String name = path.get(index);
			if (index == path.size() - 1) {
				maskMember(object, name, masker);
			}
			else {
				JsonNode child = object.get(name);
				if (child != null) {
					mask(child, path, index + 1, masker);
				}
			}
		}
	}

	private static void maskMember(ObjectNode object, String name, Masker masker) {
		JsonNode value = object.get(name);
		if (value != null && !value.isNull()) {
			object.put(name, masker.mask(value.isString() ? value.stringValue() : canonical(value)));
		}
	}

	/** The names of a path from an index on, joined as one member name. */
	private static String rest(List<String> path, int index) {
		return String.join(".", path.subList(index, path.size()));
	}

	private static void write(JsonNode node, StringBuilder text) {
		CanonicalJson.write(node, MAX_PLAIN_EXPONENT, text);
	}

}
