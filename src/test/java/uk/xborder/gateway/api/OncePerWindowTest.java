package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.SettableClock;

/** One record per kind and window, and a count of those left out. */
class OncePerWindowTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final OncePerWindow once = new OncePerWindow(Duration.ofMinutes(15), clock, 100);

    @Test
    void theFirstPassesTheRestAreCountedAndTheNextWindowSaysHowMany() {
        assertThat(once.first("401|10.0.0.1")).hasValue(new OncePerWindow.Pass(0, null));
        for (int i = 0; i < 41; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(once.first("401|10.0.0.1")).isEmpty();
        }
        // another kind or client is another key
        assertThat(once.first("401|10.0.0.2")).isPresent();

        clock.set(Instant.parse("2026-12-01T09:15:00Z"));

        assertThat(once.first("401|10.0.0.1")).hasValue(new OncePerWindow.Pass(41,
                Instant.parse("2026-12-01T09:00:00Z")));
        assertThat(once.first("401|10.0.0.1")).isEmpty();
    }

    @Test
    void keysBeyondTheCapacityAreForgottenOldestFirst() {
        for (int i = 0; i < 1_000; i++) {
            once.first("key-" + i);
        }
        // the oldest was forgotten, so it passes again; a recent one does not
        assertThat(once.first("key-0")).isPresent();
        assertThat(once.first("key-999")).isEmpty();
    }
}
