package dev.auditlog.diff;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of the options that name paths inside values with a structure: the fields of the
 * elements of a collection and paths inside JSON documents.
 */
class FieldPolicyPathTests {

	@Test
	void maskAndExcludeFieldsAcceptElementFieldsAndPathsInsideDocuments() {
		FieldPolicy policy = payment(TestModelOptions.options()
			.mask("cards.number", "cards.billing", "metadata.secret", "metadata.a.b.c", "cards.meta.key")
			.exclude("cards.code", "metadata.internal")
			.m2m("cards")
			.build());
		assertThat(policy.isAudited("metadata")).isTrue();
		assertThat(policy.tracksCollection("cards")).isTrue();
		assertThat(policy.isMasked("metadata")).isFalse();
		assertThat(policy.isMasked("cards")).isFalse();
		NestedPaths cards = policy.nestedPaths("cards");
		assertThat(cards).isNotNull();
		assertThat(cards.document()).isFalse();
		assertThat(cards.documents()).containsExactly("meta");
		assertThat(cards.masked()).containsExactlyInAnyOrder(List.of("number"), List.of("billing"),
				List.of("meta", "key"));
		assertThat(cards.excluded()).containsExactly(List.of("code"));
		NestedPaths metadata = policy.nestedPaths("metadata");
		assertThat(metadata).isNotNull();
		assertThat(metadata.document()).isTrue();
		assertThat(metadata.masked()).containsExactlyInAnyOrder(List.of("secret"), List.of("a", "b", "c"));
		assertThat(metadata.excluded()).containsExactly(List.of("internal"));
		assertThat(policy.nestedPaths("reference")).isNull();
		assertThat(policy.nestedPaths("tags")).isNull();
	}

	@Test
	void excludedPathInsideAFieldLeavesTheFieldAudited() {
		FieldPolicy policy = payment(TestModelOptions.options().exclude("metadata.internal").build());
		assertThat(policy.isAudited("metadata")).isTrue();
		assertThat(policy.isExcluded("metadata")).isFalse();
		assertThat(policy.isExcluded("metadata.internal")).isTrue();
	}

	@Test
	void isExcludedAnswersForNamesTheModelDoesNotKnow() {
		FieldPolicy policy = builder().excludeEverywhere(List.of("createdAt"))
			.options(TestModelOptions.options().exclude("card").build())
			.build();
		assertThat(policy.isExcluded("card.number")).isTrue();
		assertThat(policy.isExcluded("createdAt")).isTrue();
		assertThat(policy.isExcluded("reference")).isFalse();
	}

	@Test
	void unknownElementFieldIsRejectedNamingModelOptionAndField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().mask("cards.nubmer").build()))
			.withMessageStartingWith("Audit model 'Payment': mask-fields names unknown field 'cards.nubmer'")
			.withMessageContaining("cards.number")
			.withMessageContaining("metadata.<path>");
	}

	@Test
	void pathUnderAFieldThatIsNoDocumentIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().exclude("reference.secret").build()))
			.withMessageStartingWith("Audit model 'Payment': exclude-fields names unknown field 'reference.secret'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().mask("metdata.secret").build()))
			.withMessageStartingWith("Audit model 'Payment': mask-fields names unknown field 'metdata.secret'");
	}

	@Test
	void optionsThatTakeWholeFieldsRejectPathsInsideNamingTheField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().include("metadata.color").build()))
			.withMessage("Audit model 'Payment': include-fields names 'metadata.color', a path inside the JSON "
					+ "document 'metadata'; only mask-fields and exclude-fields reach inside a value, include-fields "
					+ "takes the whole field 'metadata'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().serializeFields("cards.number").build()))
			.withMessageContaining("serialize-fields names 'cards.number', a path inside the elements of 'cards'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().label("cards.meta.key", "Key").build()))
			.withMessageContaining("mapping-fields names 'cards.meta.key', a path inside the elements of 'cards'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> payment(TestModelOptions.options().m2m("cards.number").build()))
			.withMessageContaining("m2m-fields names 'cards.number', a path inside the elements of 'cards'");
	}

	@Test
	void elementFieldOfNoCollectionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().elementField("reference.x"))
			.withMessageContaining("'reference.x' is no field of the elements of a collection");
	}

	private static FieldPolicy payment(ModelOptions options) {
		return builder().options(options).build();
	}

	private static FieldPolicy.Builder builder() {
		return FieldPolicy.builder("Payment")
			.field("reference")
			.field("card.number")
			.documentField("metadata")
			.collectionField("tags")
			.collectionField("cards")
			.elementField("cards.number")
			.elementField("cards.code")
			.elementField("cards.billing.zip")
			.elementField("cards.meta")
			.documentField("cards.meta");
	}

}
