package dev.auditlog.sample;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of a product creation or update; on update, absent fields are left as they
 * are.
 *
 * @param sku the stock keeping unit (creation only)
 * @param name the name
 * @param unitPrice the selling price
 * @param supplierCost what the supplier charges (logged masked)
 * @param status where the product is in its life
 * @param description free text
 * @param category the category name
 */
record ProductRequest(@Nullable @Size(min = 1, max = 64) String sku, @Nullable String name,
		@Nullable @DecimalMin("0.00") BigDecimal unitPrice, @Nullable @DecimalMin("0.00") BigDecimal supplierCost,
		@Nullable ProductStatus status, @Nullable String description, @Nullable String category) {

}
