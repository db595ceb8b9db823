package dev.auditlog.diff;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The state of one entity as the diff engine sees it. Values are the plain Java values of
 * the fields: to-one associations as {@link EntityRef}, collections as
 * {@link java.util.Collection}s of elements (entities as {@link EntityRef}, embeddables
 * as {@link EmbeddableValue}), embedded values flattened ({@code address.city}), JSON
 * documents as they are mapped (a map, a list, a record, JSON text). The map is taken as
 * is, not copied: do not change it afterwards.
 *
 * @param model the entity name
 * @param id the primary key
 * @param repr the entity's {@code toString()}
 * @param values field name to value, in a stable order
 * @since 0.1.0
 */
public record EntitySnapshot(String model, Object id, String repr, Map<String, @Nullable Object> values) {

}
