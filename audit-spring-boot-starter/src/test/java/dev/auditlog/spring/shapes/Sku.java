package dev.auditlog.spring.shapes;

/**
 * A stock keeping unit, stored by the auto-applied {@link SkuConverter}.
 */
public record Sku(String code) {

}
