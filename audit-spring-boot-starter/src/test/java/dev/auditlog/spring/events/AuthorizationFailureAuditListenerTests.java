package dev.auditlog.spring.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.auditlog.spring.AuditlogProperties.AuthorizationFailure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which denied requests become {@code AUTHORIZATION_FAILURE} events under each
 * {@code auditlog.events.authorization-failure} mode.
 */
class AuthorizationFailureAuditListenerTests {

	private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", "pw",
			AuthorityUtils.createAuthorityList("ROLE_USER"));

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	@Test
	void byDefaultOnlyTheDenialsOfSignedInUsersAreRecorded() {
		assertThat(recorded(AuthorizationFailure.AUTHENTICATED)).containsExactly("alice");
	}

	@Test
	void allRecordsEveryDenial() {
		assertThat(recorded(AuthorizationFailure.ALL)).containsExactly("alice", "anonymousUser", "<unknown>");
	}

	@Test
	void noneRecordsNothing() {
		assertThat(recorded(AuthorizationFailure.NONE)).isEmpty();
	}

	/**
	 * Deny alice, the anonymous user and a request without authentication, grant alice
	 * once, and return the principals of the events published.
	 */
	private List<String> recorded(AuthorizationFailure mode) {
		List<String> principals = new ArrayList<>();
		AuthorizationFailureAuditListener listener = new AuthorizationFailureAuditListener(mode);
		listener.setApplicationEventPublisher(
				(event) -> principals.add(((AuditApplicationEvent) event).getAuditEvent().getPrincipal()));
		for (Supplier<Authentication> authentication : List.<Supplier<Authentication>>of(() -> ALICE, () -> ANONYMOUS,
				() -> null)) {
			listener.onApplicationEvent(
					new AuthorizationDeniedEvent<>(authentication, "/admin", new AuthorizationDecision(false)));
		}
		listener.onApplicationEvent(
				new AuthorizationGrantedEvent<>(() -> ALICE, "/admin", new AuthorizationDecision(true)));
		return principals;
	}

}
