package dev.auditlog.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActionTests {

	@Test
	void valuesAreZeroToThreeInOrderOfIntrusiveness() {
		assertThat(Action.values()).containsExactly(Action.CREATE, Action.UPDATE, Action.DELETE, Action.ACCESS);
		assertThat(Action.values()).extracting(Action::value).containsExactly(0, 1, 2, 3);
		assertThat(Action.CREATE).isLessThan(Action.UPDATE);
		assertThat(Action.DELETE).isLessThan(Action.ACCESS);
	}

	@Test
	void fromValueReturnsTheActionOfThatNumber() {
		for (Action action : Action.values()) {
			assertThat(Action.fromValue(action.value())).isSameAs(action);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 4, 42 })
	void fromValueRejectsUnknownNumbersNamingThem(int value) {
		assertThatIllegalArgumentException().isThrownBy(() -> Action.fromValue(value))
			.withMessageContaining(String.valueOf(value));
	}

	@ParameterizedTest
	@ValueSource(strings = { "update", "UPDATE", "Update", " uPdAtE " })
	void fromNameIgnoresCaseAndSurroundingSpace(String name) {
		assertThat(Action.fromName(name)).isSameAs(Action.UPDATE);
	}

	@Test
	void fromNameFindsEveryAction() {
		for (Action action : Action.values()) {
			assertThat(Action.fromName(action.name().toLowerCase())).isSameAs(action);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "remove", "", "1", "CREATED" })
	void fromNameRejectsUnknownNamesNamingThemAndTheValidOnes(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> Action.fromName(name))
			.withMessageContaining("'" + name + "'")
			.withMessageContaining("CREATE, UPDATE, DELETE, ACCESS");
	}

}
