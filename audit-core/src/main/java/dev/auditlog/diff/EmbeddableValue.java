package dev.auditlog.diff;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An element of an element collection of embeddables, as the diff engine sees it: the
 * element's fields by name. Values are plain Java values, to-one associations as
 * {@link EntityRef}, nested embeddables as {@code EmbeddableValue}s. It is logged as a
 * JSON object of its fields with the masks and exclusions of its paths applied, see
 * {@link ChangeDetector#diffCollection}. The map is taken as is, not copied: do not
 * change it afterwards.
 *
 * @param values field name to value
 * @since 0.1.0
 */
public record EmbeddableValue(Map<String, @Nullable Object> values) {

}
