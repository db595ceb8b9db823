package dev.auditlog.diff;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityRefTests {

	@Test
	void refsAreEqualWhenTheirIdsAre() {
		EntityRef alice = new EntityRef(7L, "Alice");
		EntityRef renamed = new EntityRef(7L, "Alice Smith");
		assertThat(alice).isEqualTo(renamed).hasSameHashCodeAs(renamed);
		assertThat(alice).isEqualTo(new EntityRef(7L, null));
		assertThat(alice).isNotEqualTo(new EntityRef(8L, "Alice"));
		assertThat(alice).isNotEqualTo(new EntityRef(7, "Alice"));
		assertThat(alice).isNotEqualTo(7L);
	}

	@Test
	void compositeIdsAreComparedByValue() {
		assertThat(new EntityRef(Map.of("a", 1, "b", 2), null)).isEqualTo(new EntityRef(Map.of("b", 2, "a", 1), "x"));
	}

	@Test
	void setOfRefsDeduplicatesById() {
		assertThat(Set.of(new EntityRef(1L, "a"), new EntityRef(2L, "a"))).hasSize(2);
		assertThat(new HashSet<>(List.of(new EntityRef(1L, "a"), new EntityRef(1L, "b")))).hasSize(1);
	}

}
