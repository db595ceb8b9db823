package dev.auditlog.core;

/**
 * The change of one field in a {@link Changes change set}: either a value that went from
 * old to new, or elements added to or removed from a collection.
 *
 * @since 0.1.0
 */
public sealed interface FieldChange permits ValueChange, CollectionChange {

}
