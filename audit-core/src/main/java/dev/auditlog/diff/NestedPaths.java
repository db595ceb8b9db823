package dev.auditlog.diff;

import java.util.List;
import java.util.Set;

/**
 * What the options say about the inside of one field whose values have a structure: a
 * JSON document, or a collection whose elements are embeddables or documents. Paths are
 * relative to the field, as lists of names ({@code metadata.dims.w} of the field
 * {@code metadata} is {@code [dims, w]}).
 *
 * @param document whether the field's value (for a collection: each element) is a JSON
 * document rather than an embeddable
 * @param documents the sub-fields of embeddable elements that hold JSON documents, as
 * dotted paths relative to the element
 * @param masked the paths whose values are logged masked
 * @param excluded the paths left out before values are compared and logged
 */
record NestedPaths(boolean document, Set<String> documents, List<List<String>> masked, List<List<String>> excluded) {

	/**
	 * Return whether any path inside the field is masked or excluded, so that a value
	 * that cannot be read as a tree must be hidden whole.
	 */
	boolean hidesAnything() {
		return !this.masked.isEmpty() || !this.excluded.isEmpty();
	}

}
