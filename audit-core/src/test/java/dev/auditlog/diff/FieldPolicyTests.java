package dev.auditlog.diff;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.auditlog.core.Action;
import dev.auditlog.core.DisplayRules;
import dev.auditlog.core.FkRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

class FieldPolicyTests {

	@Test
	void everyValueFieldIsAuditedByDefaultInDeclarationOrder() {
		FieldPolicy policy = product(ModelOptions.NONE);
		assertThat(policy.model()).isEqualTo("Product");
		assertThat(policy.fields()).containsExactly("name", "sku", "price", "version", "address.city", "address.zip",
				"tags", "owners");
		assertThat(policy.auditedFields()).containsExactly("name", "sku", "price", "version", "address.city",
				"address.zip");
		assertThat(policy.isAudited("tags")).isFalse();
		assertThat(policy.isCollection("tags")).isTrue();
		assertThat(policy.isCollection("name")).isFalse();
	}

	@Test
	void includeFieldsLimitTheAuditedFields() {
		FieldPolicy policy = product(TestModelOptions.options().include("price", "name").build());
		assertThat(policy.auditedFields()).containsExactly("name", "price");
		assertThat(policy.isAudited("sku")).isFalse();
	}

	@Test
	void excludeWinsOverInclude() {
		FieldPolicy policy = product(TestModelOptions.options().include("name", "price").exclude("price").build());
		assertThat(policy.auditedFields()).containsExactly("name");
	}

	@Test
	void excludeFieldsAreNotAudited() {
		FieldPolicy policy = product(TestModelOptions.options().exclude("sku", "version").build());
		assertThat(policy.auditedFields()).containsExactly("name", "price", "address.city", "address.zip");
	}

	@Test
	void excludeEverywhereAppliesToEveryModelThatHasTheField() {
		FieldPolicy policy = productBuilder().excludeEverywhere(List.of("version", "createdAt", "updatedBy")).build();
		assertThat(policy.auditedFields()).doesNotContain("version").contains("name");
	}

	@Test
	void excludeEverywhereIgnoresNamesTheModelDoesNotHave() {
		assertThatNoException()
			.isThrownBy(() -> productBuilder().excludeEverywhere(List.of("createdAt", "no.such.field")).build());
	}

	@Test
	void excludeEverywhereWinsOverInclude() {
		FieldPolicy policy = productBuilder().excludeEverywhere(List.of("version"))
			.options(TestModelOptions.options().include("name", "version").build())
			.build();
		assertThat(policy.auditedFields()).containsExactly("name");
	}

	@Test
	void optionNamingAnEmbeddedValueCoversItsNestedFields() {
		FieldPolicy included = product(TestModelOptions.options().include("address").build());
		FieldPolicy excluded = product(TestModelOptions.options().exclude("address").build());
		FieldPolicy masked = product(TestModelOptions.options().mask("address").build());
		assertThat(included.auditedFields()).containsExactly("address.city", "address.zip");
		assertThat(excluded.auditedFields()).containsExactly("name", "sku", "price", "version");
		assertThat(masked.isMasked("address.city")).isTrue();
		assertThat(masked.isMasked("address.zip")).isTrue();
		assertThat(masked.isMasked("name")).isFalse();
	}

	@Test
	void optionNamingANestedFieldCoversOnlyThatField() {
		FieldPolicy policy = product(TestModelOptions.options().exclude("address.zip").build());
		assertThat(policy.auditedFields()).contains("address.city").doesNotContain("address.zip");
	}

	@Test
	void namePrefixOnlyCoversAtADot() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> product(TestModelOptions.options().include("addr").build()))
			.withMessageContaining("'addr'");
	}

	@Test
	void everyActionIsLoggedByDefault() {
		FieldPolicy policy = product(ModelOptions.NONE);
		assertThat(policy.actions()).containsExactly(Action.CREATE, Action.UPDATE, Action.DELETE, Action.ACCESS);
		assertThat(policy.logs(Action.ACCESS)).isTrue();
	}

	@Test
	void actionsLimitWhatIsLogged() {
		FieldPolicy policy = product(TestModelOptions.options().actions(Action.DELETE, Action.CREATE).build());
		assertThat(policy.actions()).containsExactly(Action.CREATE, Action.DELETE);
		assertThat(policy.logs(Action.CREATE)).isTrue();
		assertThat(policy.logs(Action.UPDATE)).isFalse();
	}

	@Test
	void noActionsLogsNothing() {
		FieldPolicy policy = product(
				new ModelOptions(null, null, null, null, null, EnumSet.noneOf(Action.class), null, null, null, null));
		assertThat(policy.actions()).isEmpty();
		assertThat(policy.logs(Action.CREATE)).isFalse();
	}

	@Test
	void m2mFieldsAreTracked() {
		FieldPolicy policy = product(TestModelOptions.options().m2m("tags").build());
		assertThat(policy.trackedCollections()).containsExactly("tags");
		assertThat(policy.tracksCollection("tags")).isTrue();
		assertThat(policy.tracksCollection("owners")).isFalse();
	}

	@Test
	void noCollectionIsTrackedByDefault() {
		assertThat(product(ModelOptions.NONE).trackedCollections()).isEmpty();
	}

	@Test
	void excludedCollectionIsNotTracked() {
		FieldPolicy policy = product(TestModelOptions.options().m2m("tags", "owners").exclude("owners").build());
		assertThat(policy.trackedCollections()).containsExactly("tags");
	}

	@Test
	void m2mFieldThatIsNotACollectionIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> product(TestModelOptions.options().m2m("tags", "name").build()))
			.withMessageContaining("'Product'")
			.withMessageContaining("m2m-fields")
			.withMessageContaining("'name'");
	}

	static Stream<Arguments> optionsNamingAnUnknownField() {
		return Stream.of(Arguments.of("include-fields", option((options) -> options.include("name", "colour"))),
				Arguments.of("exclude-fields", option((options) -> options.exclude("colour"))),
				Arguments.of("mask-fields", option((options) -> options.mask("colour"))),
				Arguments.of("m2m-fields", option((options) -> options.m2m("colour"))),
				Arguments.of("serialize-fields", option((options) -> options.serializeFields("colour"))),
				Arguments.of("mapping-fields", option((options) -> options.label("colour", "Colour"))));
	}

	private static ModelOptions option(Function<TestModelOptions, TestModelOptions> customizer) {
		return customizer.apply(TestModelOptions.options()).build();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("optionsNamingAnUnknownField")
	void unknownFieldInAnOptionIsRejectedNamingModelOptionAndField(String option, ModelOptions options) {
		assertThatIllegalArgumentException().isThrownBy(() -> product(options))
			.withMessageContaining("'Product'")
			.withMessageContaining(option)
			.withMessageContaining("'colour'");
	}

	@Test
	void everyUnknownFieldIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> product(TestModelOptions.options().exclude("colour", "name", "size").build()))
			.withMessageContaining("'colour'")
			.withMessageContaining("'size'")
			.withMessageNotContaining("'name'");
	}

	@Test
	void mappingFieldsLabelFieldsAndOthersAreHumanized() {
		DisplayRules rules = product(TestModelOptions.options().label("sku", "Product No.").build()).displayRules();
		assertThat(rules.label("sku")).isEqualTo("Product No.");
		assertThat(rules.label("address.city")).isEqualTo("Address city");
	}

	@Test
	void enumValuesLabelledByGetLabel() {
		FieldPolicy policy = productBuilder().field("size", Size.class).build();
		assertThat(policy.displayRules().valueLabels()).containsEntry("size",
				Map.of("SMALL", "Small (S)", "LARGE", "Large (L)"));
	}

	@Test
	void enumValuesLabelledByOverriddenToString() {
		FieldPolicy policy = productBuilder().field("colour", Colour.class).build();
		assertThat(policy.displayRules().valueLabels())
			.containsExactly(entry("colour", Map.of("DARK_RED", "dark red")));
	}

	@Test
	void enumWithoutLabelsHasNoValueLabels() {
		FieldPolicy policy = productBuilder().field("state", State.class).build();
		assertThat(policy.displayRules().valueLabels()).doesNotContainKey("state");
	}

	@Test
	void enumValueLabelsAreShownInTheDisplay() {
		DisplayRules rules = productBuilder().field("size", Size.class).build().displayRules();
		assertThat(rules.value("size", "SMALL")).isEqualTo("Small (S)");
		assertThat(rules.value("size", "MEDIUM")).isEqualTo("MEDIUM");
		assertThat(rules.value("name", "SMALL")).isEqualTo("SMALL");
	}

	@Test
	void maxDisplayLengthIsPassedToTheDisplayRules() {
		assertThat(product(ModelOptions.NONE).displayRules().maxLength()).isEqualTo(DisplayRules.DEFAULT_MAX_LENGTH);
		assertThat(productBuilder().maxDisplayLength(20).build().displayRules().maxLength()).isEqualTo(20);
	}

	@Test
	void fkRepresentationIsIdUnlessSet() {
		assertThat(product(ModelOptions.NONE).fkRepresentation()).isEqualTo(FkRepresentation.ID);
		assertThat(product(TestModelOptions.options().fkRepresentation(FkRepresentation.STRING).build())
			.fkRepresentation()).isEqualTo(FkRepresentation.STRING);
	}

	@Test
	void dataIsNotSerializedUnlessAsked() {
		assertThat(product(ModelOptions.NONE).serializeData()).isFalse();
		assertThat(product(TestModelOptions.options().serializeData(true).build()).serializeData()).isTrue();
	}

	@Test
	void serializedFieldsAreTheNonExcludedValueFieldsByDefault() {
		FieldPolicy policy = product(TestModelOptions.options().serializeData(true).exclude("version").build());
		assertThat(policy.fields().stream().filter(policy::isSerialized)).containsExactly("name", "sku", "price",
				"address.city", "address.zip");
	}

	@Test
	void serializeFieldsNameTheSerializedFields() {
		FieldPolicy policy = product(
				TestModelOptions.options().serializeData(true).serializeFields("sku", "address", "owners").build());
		assertThat(policy.fields().stream().filter(policy::isSerialized)).containsExactly("sku", "address.city",
				"address.zip", "owners");
	}

	@Test
	void excludedFieldIsNotSerializedEvenWhenNamedInSerializeFields() {
		FieldPolicy policy = product(TestModelOptions.options()
			.serializeData(true)
			.serializeFields("sku", "version")
			.exclude("version")
			.build());
		assertThat(policy.isSerialized("sku")).isTrue();
		assertThat(policy.isSerialized("version")).isFalse();
	}

	@Test
	void serializeAuditlogFieldsOnlyMeansAuditedFieldsAndTrackedCollections() {
		FieldPolicy policy = product(TestModelOptions.options()
			.serializeData(true)
			.include("name")
			.m2m("tags")
			.serializeAuditlogFieldsOnly(true)
			.build());
		assertThat(policy.fields().stream().filter(policy::isSerialized)).containsExactly("name", "tags");
	}

	private static FieldPolicy.Builder productBuilder() {
		return FieldPolicy.builder("Product")
			.field("name")
			.field("sku", String.class)
			.field("price")
			.field("version", Long.class)
			.field("address.city")
			.field("address.zip")
			.collectionField("tags")
			.collectionField("owners");
	}

	private static FieldPolicy product(ModelOptions options) {
		return productBuilder().options(options).build();
	}

	enum Size {

		SMALL("Small (S)"), MEDIUM("MEDIUM"), LARGE("Large (L)");

		private final String label;

		Size(String label) {
			this.label = label;
		}

		public String getLabel() {
			return this.label;
		}

		@Override
		public String toString() {
			return "ignored because getLabel() wins";
		}

	}

	enum Colour {

		DARK_RED, WHITE {
			@Override
			public String toString() {
				return "WHITE";
			}
		};

		@Override
		public String toString() {
			return name().toLowerCase().replace('_', ' ');
		}

	}

	enum State {

		ON, OFF

	}

}
