package dev.auditlog.diff;

import java.util.Map;
import java.util.Set;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import dev.auditlog.core.Action;
import dev.auditlog.core.FkRepresentation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ModelOptionsTests {

	@Test
	void classWithoutAnnotationsHasNoOptions() {
		assertThat(ModelOptions.fromAnnotations(Plain.class)).isEqualTo(ModelOptions.NONE);
	}

	@Test
	void auditableDefaultsLogEveryActionAndNoFieldOption() {
		ModelOptions options = ModelOptions.fromAnnotations(DefaultAuditable.class);
		assertThat(options.includeFields()).isNull();
		assertThat(options.excludeFields()).isNull();
		assertThat(options.maskFields()).isNull();
		assertThat(options.mappingFields()).isNull();
		assertThat(options.m2mFields()).isNull();
		assertThat(options.serializeFields()).isNull();
		assertThat(options.actions()).containsExactlyInAnyOrder(Action.values());
		assertThat(options.serializeData()).isFalse();
		assertThat(options.serializeAuditlogFieldsOnly()).isFalse();
		assertThat(options.fkRepresentation()).isEqualTo(FkRepresentation.ID);
	}

	@Test
	void auditableAttributesAreRead() {
		ModelOptions options = ModelOptions.fromAnnotations(Product.class);
		assertThat(options.includeFields()).containsExactly("name", "price", "password", "sku");
		assertThat(options.excludeFields()).containsExactlyInAnyOrder("internal", "version", "notes");
		assertThat(options.maskFields()).containsExactlyInAnyOrder("password", "pin", "token");
		assertThat(options.m2mFields()).containsExactly("tags");
		assertThat(options.actions()).containsExactlyInAnyOrder(Action.CREATE, Action.DELETE);
		assertThat(options.serializeData()).isTrue();
		assertThat(options.serializeFields()).containsExactly("name");
		assertThat(options.serializeAuditlogFieldsOnly()).isTrue();
		assertThat(options.fkRepresentation()).isEqualTo(FkRepresentation.STRING);
	}

	@Test
	void fieldAndGetterAnnotationsAreRead() {
		ModelOptions options = ModelOptions.fromAnnotations(Product.class);
		assertThat(options.mappingFields()).contains(entry("sku", "Product No."), entry("active", "Is active"),
				entry("price", "Unit price (EUR)"));
		assertThat(options.excludeFields()).contains("notes");
		assertThat(options.maskFields()).contains("token", "pin");
	}

	@Test
	void superclassFieldAnnotationsAreRead() {
		ModelOptions options = ModelOptions.fromAnnotations(Product.class);
		assertThat(options.excludeFields()).contains("version");
		assertThat(options.mappingFields()).containsEntry("createdBy", "Author");
	}

	@Test
	void subclassLabelWinsOverSuperclassLabel() {
		assertThat(ModelOptions.fromAnnotations(Product.class).mappingFields()).containsEntry("code", "Product code");
	}

	@Test
	void auditableIsInheritedBySubclasses() {
		ModelOptions options = ModelOptions.fromAnnotations(SpecialProduct.class);
		assertThat(options.m2mFields()).containsExactly("tags");
		assertThat(options.maskFields()).contains("pin", "discountCode");
	}

	@Test
	void fieldAnnotationsWithoutAuditableAreRead() {
		ModelOptions options = ModelOptions.fromAnnotations(AnnotatedFieldsOnly.class);
		assertThat(options.excludeFields()).containsExactly("hidden");
		assertThat(options.maskFields()).containsExactly("secret");
		assertThat(options.mappingFields()).containsExactly(entry("title", "Heading"));
		assertThat(options.actions()).isNull();
		assertThat(options.serializeData()).isNull();
	}

	@Test
	void overrideReplacesScalarIncludeActionsAndCollectionOptions() {
		ModelOptions annotations = ModelOptions.fromAnnotations(Product.class);
		ModelOptions yml = new ModelOptions(Set.of("name"), null, null, null, Set.of("categories"),
				Set.of(Action.UPDATE), false, Set.of("sku"), false, FkRepresentation.ID);
		ModelOptions combined = annotations.overriddenBy(yml);
		assertThat(combined.includeFields()).containsExactly("name");
		assertThat(combined.m2mFields()).containsExactly("categories");
		assertThat(combined.actions()).containsExactly(Action.UPDATE);
		assertThat(combined.serializeData()).isFalse();
		assertThat(combined.serializeFields()).containsExactly("sku");
		assertThat(combined.serializeAuditlogFieldsOnly()).isFalse();
		assertThat(combined.fkRepresentation()).isEqualTo(FkRepresentation.ID);
	}

	@Test
	void overrideUnionsExcludeAndMask() {
		ModelOptions base = TestModelOptions.options().exclude("a").mask("b").build();
		ModelOptions override = TestModelOptions.options().exclude("c").mask("d").build();
		ModelOptions combined = base.overriddenBy(override);
		assertThat(combined.excludeFields()).containsExactly("a", "c");
		assertThat(combined.maskFields()).containsExactly("b", "d");
	}

	@Test
	void overrideMergesLabelsPerField() {
		ModelOptions base = TestModelOptions.options().label("sku", "SKU").label("name", "Name").build();
		ModelOptions override = TestModelOptions.options().label("sku", "Product No.").label("price", "Price").build();
		assertThat(base.overriddenBy(override).mappingFields()).containsOnly(entry("sku", "Product No."),
				entry("name", "Name"), entry("price", "Price"));
	}

	@Test
	void unsetOverrideKeepsTheBaseOptions() {
		ModelOptions annotations = ModelOptions.fromAnnotations(Product.class);
		assertThat(annotations.overriddenBy(ModelOptions.NONE)).isEqualTo(annotations);
	}

	@Test
	void overrideOfNoOptionsIsTheOverride() {
		ModelOptions yml = TestModelOptions.options().include("a").exclude("b").mask("c").label("d", "D").build();
		assertThat(ModelOptions.NONE.overriddenBy(yml)).isEqualTo(yml);
	}

	@Test
	void overrideDoesNotChangeEitherSide() {
		ModelOptions base = TestModelOptions.options().exclude("a").label("x", "X").build();
		ModelOptions override = TestModelOptions.options().exclude("b").label("y", "Y").build();
		base.overriddenBy(override);
		assertThat(base.excludeFields()).containsExactly("a");
		assertThat(base.mappingFields()).containsExactly(entry("x", "X"));
		assertThat(override.excludeFields()).containsExactly("b");
	}

	@Test
	void optionsFromAnnotationsBuildAPolicy() {
		FieldPolicy policy = FieldPolicy.builder("Product")
			.field("name")
			.field("sku")
			.field("price")
			.field("password")
			.field("pin")
			.field("token")
			.field("notes")
			.field("internal")
			.field("version")
			.field("active")
			.field("createdBy")
			.field("code")
			.collectionField("tags")
			.options(ModelOptions.fromAnnotations(Product.class))
			.build();
		assertThat(policy.auditedFields()).containsExactly("name", "sku", "price", "password");
		assertThat(policy.isMasked("password")).isTrue();
		assertThat(policy.displayRules().label("sku")).isEqualTo("Product No.");
		assertThat(policy.tracksCollection("tags")).isTrue();
	}

	static class Plain {

		String name;

		String getName() {
			return this.name;
		}

	}

	@Auditable
	static class DefaultAuditable {

		String name;

	}

	abstract static class BaseEntity {

		@AuditIgnore
		Long version;

		@AuditLabel("Author")
		String createdBy;

		@AuditLabel("Code")
		String code;

		@AuditMask
		String pin;

	}

	@Auditable(includeFields = { "name", "price", "password", "sku" }, excludeFields = "internal",
			maskFields = "password", m2mFields = "tags", actions = { Action.DELETE, Action.CREATE },
			serializeData = true, serializeFields = "name", serializeAuditlogFieldsOnly = true,
			fkRepresentation = FkRepresentation.STRING)
	static class Product extends BaseEntity {

		String name;

		@AuditLabel("Product No.")
		String sku;

		String price;

		String password;

		@AuditIgnore
		String notes;

		String internal;

		String token;

		boolean active;

		@AuditLabel("Product code")
		String code;

		@AuditLabel("Unit price (EUR)")
		public String getPrice() {
			return this.price;
		}

		@AuditMask
		public String getToken() {
			return this.token;
		}

		@AuditLabel("Is active")
		public boolean isActive() {
			return this.active;
		}

	}

	static class SpecialProduct extends Product {

		@AuditMask
		String discountCode;

	}

	static class AnnotatedFieldsOnly {

		@AuditIgnore
		String hidden;

		@AuditMask
		String secret;

		@AuditLabel("Heading")
		String title;

	}

}
