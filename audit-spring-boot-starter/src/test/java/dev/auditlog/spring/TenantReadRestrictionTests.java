package dev.auditlog.spring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TenantReadRestriction}'s reading of the current tenant.
 */
class TenantReadRestrictionTests {

	@Test
	void noRestrictionOrARootReaderReadsEveryTenant() {
		assertThat(TenantReadRestriction.readableTenant(null)).isNull();
		assertThat(TenantReadRestriction.readableTenant(() -> null)).isNull();
	}

	@Test
	void aTenantIsReadAsEntriesStoreIt() {
		assertThat(TenantReadRestriction.readableTenant(() -> "acme")).isEqualTo("acme");
		assertThat(TenantReadRestriction.readableTenant(() -> "t".repeat(300))).hasSizeLessThanOrEqualTo(255)
			.startsWith("ttt");
	}

	@Test
	void aBlankTenantIsRefusedRatherThanWidenedOrMisreported() {
		for (String blank : new String[] { "", " ", "\t" }) {
			assertThatExceptionOfType(TenantReadRestriction.UnknownTenantException.class).as("'%s'", blank)
				.isThrownBy(() -> TenantReadRestriction.readableTenant(() -> blank));
		}
	}

	@Test
	void readsInsideUnrestrictedAreNotRestrictedOnThatThreadOnly() throws Exception {
		TenantReadRestriction acme = () -> "acme";
		assertThat(TenantReadRestriction.unrestricted(() -> TenantReadRestriction.readableTenant(acme))).isNull();
		assertThat(TenantReadRestriction.unrestricted(() -> {
			String[] other = new String[1];
			Thread thread = new Thread(() -> other[0] = TenantReadRestriction.readableTenant(acme));
			thread.start();
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return other[0];
		})).isEqualTo("acme");
		assertThat(TenantReadRestriction.readableTenant(acme)).isEqualTo("acme");
	}

}
