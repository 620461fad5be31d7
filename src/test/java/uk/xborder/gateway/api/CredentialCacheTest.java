package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.SettableClock;

/** A success remembered for a fixed while, matched only by the same name and password. */
class CredentialCacheTest {

    private static final ApiUser AUDITOR = new ApiUser("auditor", Role.AUDITOR,
            "$2y$12$c7ZIdmyJvYI3p.bMba4z1OXYVXz7jkwaU0meRD6n4paDvIJwN6J7e");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), clock);

    @Test
    void onlyTheSameNameAndPasswordMatchARememberedSuccess() {
        assertThat(cache.find("auditor", "right".toCharArray())).isEmpty();

        cache.remember(AUDITOR, "right".toCharArray());

        assertThat(cache.find("auditor", "right".toCharArray())).hasValue(AUDITOR);
        assertThat(cache.find("auditor", "wrong".toCharArray())).isEmpty();
        assertThat(cache.find("auditor", "righ".toCharArray())).isEmpty();
        assertThat(cache.find("auditor", "right ".toCharArray())).isEmpty();
        assertThat(cache.find("operator", "right".toCharArray())).isEmpty();
    }

    @Test
    void aSuccessIsRememberedForAFixedTimeNotExtendedByUse() {
        cache.remember(AUDITOR, "right".toCharArray());
        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.find("auditor", "right".toCharArray())).isPresent();

        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.find("auditor", "right".toCharArray())).isEmpty();
    }

    @Test
    void aZeroLifetimeRemembersNothing() {
        CredentialCache off = new CredentialCache(Duration.ZERO, clock);
        off.remember(AUDITOR, "right".toCharArray());

        assertThat(off.find("auditor", "right".toCharArray())).isEmpty();
    }
}
