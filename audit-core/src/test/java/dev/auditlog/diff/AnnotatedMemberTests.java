package dev.auditlog.diff;

import java.util.List;
import java.util.Map;

import dev.auditlog.annotation.AuditIgnore;
import dev.auditlog.annotation.AuditLabel;
import dev.auditlog.annotation.AuditMask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotatedMemberTests {

	@Test
	void fieldsGettersAndRecordAccessorsNameTheirProperty() {
		assertThat(AnnotatedMember.declaredOn(Card.class))
			.extracting(AnnotatedMember::describe, AnnotatedMember::property)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Card.number", "number"),
					org.assertj.core.groups.Tuple.tuple("Card.getHolderName()", "holderName"),
					org.assertj.core.groups.Tuple.tuple("Card.getURL()", "URL"),
					org.assertj.core.groups.Tuple.tuple("Card.isActive()", "active"),
					org.assertj.core.groups.Tuple.tuple("Card.setCode()", null),
					org.assertj.core.groups.Tuple.tuple("Card.DEFAULT", "DEFAULT"),
					org.assertj.core.groups.Tuple.tuple("BaseCard.pin", "pin"));
		assertThat(AnnotatedMember.declaredOn(Token.class))
			.extracting(AnnotatedMember::describe, AnnotatedMember::property)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Token.value", "value"),
					org.assertj.core.groups.Tuple.tuple("Token.value()", "value"));
	}

	@Test
	void staticMembersAreTold() {
		assertThat(AnnotatedMember.declaredOn(Card.class)).filteredOn(AnnotatedMember::isStatic)
			.extracting(AnnotatedMember::describe)
			.containsExactly("Card.DEFAULT");
	}

	@Test
	void annotationsAreNamed() {
		assertThat(AnnotatedMember.declaredOn(Card.class))
			.filteredOn((member) -> member.describe().equals("Card.number"))
			.singleElement()
			.satisfies((member) -> assertThat(member.annotations()).isEqualTo("@AuditMask and @AuditLabel"));
	}

	@Test
	void membersOfAReachedClassGiveOptionsUnderItsPath() {
		ModelOptions options = ModelOptions.fromMembers("card", AnnotatedMember.declaredOn(Card.class), true);
		assertThat(options.maskFields()).containsExactlyInAnyOrder("card.number", "card.URL", "card.DEFAULT");
		assertThat(options.excludeFields()).containsExactlyInAnyOrder("card.holderName", "card.pin");
		assertThat(options.mappingFields()).isEqualTo(Map.of("card.number", "Card number", "card.active", "Active"));
		assertThat(ModelOptions.fromMembers("cards", AnnotatedMember.declaredOn(Card.class), false).mappingFields())
			.isNull();
		assertThat(ModelOptions.fromMembers("card", List.of(), true)).isEqualTo(ModelOptions.NONE);
	}

	abstract static class BaseCard {

		@AuditIgnore
		String pin;

	}

	static class Card extends BaseCard {

		@AuditMask
		static String DEFAULT = "0000";

		@AuditMask
		@AuditLabel("Card number")
		String number;

		String holderName;

		String url;

		boolean active;

		@AuditIgnore
		String getHolderName() {
			return this.holderName;
		}

		@AuditMask
		String getURL() {
			return this.url;
		}

		@AuditLabel("Active")
		boolean isActive() {
			return this.active;
		}

		@AuditMask
		void setCode() {
		}

	}

	record Token(@AuditMask String value) {

	}

}
