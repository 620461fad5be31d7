package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.SettableClock;

/**
 * Guessing passwords through the API: a name or an address that fails too often is locked out with 429 and
 * Retry-After, even with the right password, before any bcrypt; refusals of unproven callers are recorded once per
 * window, not once per request; and a client that keeps sending good credentials is not made to pay a bcrypt each
 * time. Each test uses names and client addresses of its own (127.0.0.0/8 is all loopback), on a clock it moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiLoginLimitsTest {

    private static final LoginLimits LIMITS = new LoginLimits(3, 6, Duration.ofMinutes(15), Duration.ofMinutes(10),
            Duration.ofMinutes(5));
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @RegisterExtension
    static final RunningApi api = RunningApi.onInMemoryLog(LIMITS, CLOCK);

    @Test
    void aNameThatFailedTooOftenIsLockedOutEvenWithTheRightPasswordUntilTheLockoutEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(api.getFrom("127.0.10." + i, "/api/audit/checkpoints", "auditor", "guess-" + i)[0])
                    .isEqualTo("401");
        }

        String[] locked = api.getFrom("127.0.10.9", "/api/audit/checkpoints", "auditor",
                ExampleUsers.AUDITOR_PASSWORD);

        assertThat(locked[0]).isEqualTo("429");
        assertThat(locked[1]).isEqualTo("600");
        assertThat(locked[2]).contains("TOO_MANY_FAILED_LOGINS").doesNotContain("signature", "rootHash");
        // another user from the same address is not locked out by the name's failures
        assertThat(api.getFrom("127.0.10.9", "/api/audit/checkpoints", "admin", ExampleUsers.ADMIN_PASSWORD)[0])
                .isEqualTo("200");

        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(api.getFrom("127.0.10.9", "/api/audit/checkpoints", "auditor",
                ExampleUsers.AUDITOR_PASSWORD)[1]).isEqualTo("360");
        CLOCK.advance(Duration.ofMinutes(6));
        assertThat(api.getFrom("127.0.10.9", "/api/audit/checkpoints", "auditor",
                ExampleUsers.AUDITOR_PASSWORD)[0]).isEqualTo("200");
    }

    @Test
    void anAddressThatFailedTooOftenIsLockedOutWhateverNameItTries() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(api.getFrom("127.0.20.1", "/api/audit/checkpoints", "sprayed-" + i, "Winter2026!")[0])
                    .isEqualTo("401");
        }

        String[] locked = api.getFrom("127.0.20.1", "/api/audit/entries", "operator",
                ExampleUsers.OPERATOR_PASSWORD);

        assertThat(locked[0]).isEqualTo("429");
        assertThat(Long.parseLong(locked[1])).isPositive();
        // the same user from another address is fine: it is the address that is locked
        assertThat(api.getFrom("127.0.20.2", "/api/audit/entries", "operator",
                ExampleUsers.OPERATOR_PASSWORD)[0]).isEqualTo("200");
    }

    @Test
    void refusalsOfAnUnprovenCallerAreRecordedOncePerWindowWithTheLockoutAndACountOfTheRest() throws Exception {
        int before = unauthenticated().size();

        for (int i = 0; i < 3; i++) {
            api.getFrom("127.0.30.1", "/api/audit/entries", "mallory", "guess-" + i);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(api.getFrom("127.0.30.1", "/api/audit/entries", "mallory", "guess-x")[0]).isEqualTo("429");
        }

        List<AuditEvent> recorded = unauthenticated().subList(before, unauthenticated().size());
        // the first failure, the one that locked the name out, and the first 429: three entries for 23 requests
        assertThat(recorded).hasSize(3);
        assertThat(recorded.get(0).explanation()).startsWith("refused 401 AUTHENTICATION_FAILED")
                .contains("Claimed user: mallory");
        assertThat(recorded.get(1).explanation()).startsWith("refused 401 AUTHENTICATION_FAILED")
                .contains("Locked out: 3 failed logins for this user name");
        assertThat(recorded.get(2).explanation()).startsWith("refused 429 TOO_MANY_FAILED_LOGINS");

        // in the next window, the first refusal is recorded again and says how many were left out
        CLOCK.advance(Duration.ofMinutes(15));
        api.getFrom("127.0.30.1", "/api/audit/entries", "mallory", "guess-y");
        api.getFrom("127.0.30.1", "/api/audit/entries", "mallory", "guess-z");
        List<AuditEvent> after = unauthenticated();
        assertThat(after).hasSize(before + 4);
        assertThat(after.get(after.size() - 1).explanation()).startsWith("refused 401 AUTHENTICATION_FAILED");
    }

    @Test
    void requestsWithoutCredentialsAreRecordedOncePerWindow() {
        int before = unauthenticated().size();

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = api.get("/api/audit/entries", null, null, RunningApi.JUSTIFICATION);
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(unauthenticated()).hasSize(before + 1);

        CLOCK.advance(Duration.ofMinutes(15));
        api.get("/api/audit/entries", null, null, RunningApi.JUSTIFICATION);

        List<AuditEvent> after = unauthenticated();
        assertThat(after).hasSize(before + 2);
        assertThat(after.get(after.size() - 1).explanation()).startsWith("refused 401 AUTHENTICATION_REQUIRED")
                .contains("9 like refusals of this client since");
    }

    @Test
    void aClientSendingGoodCredentialsDoesNotPayABcryptForEachRequest() throws Exception {
        char[] password = ExampleUsers.ADMIN_PASSWORD.toCharArray();
        String hash = PasswordHashing.hash(password, PasswordHashing.MIN_COST);
        long start = System.nanoTime();
        PasswordHashing.matches(hash, password);
        Duration oneBcrypt = Duration.ofNanos(System.nanoTime() - start);
        assertThat(api.getFrom("127.0.40.1", "/api/audit/checkpoints", "admin", ExampleUsers.ADMIN_PASSWORD)[0])
                .isEqualTo("200");

        start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            assertThat(api.getFrom("127.0.40.1", "/api/audit/checkpoints", "admin", ExampleUsers.ADMIN_PASSWORD)[0])
                    .isEqualTo("200");
        }
        Duration eight = Duration.ofNanos(System.nanoTime() - start);

        // eight bcrypts would take eight times one; remembered, the eight requests take less than four
        assertThat(eight).as("8 requests against one bcrypt of %s", oneBcrypt).isLessThan(oneBcrypt.multipliedBy(4));
        // and a wrong password is still checked in full, never matched by what was remembered
        assertThat(api.getFrom("127.0.40.1", "/api/audit/checkpoints", "admin", "not-the-password")[0])
                .isEqualTo("401");
    }

    private static List<AuditEvent> unauthenticated() {
        return api.consultations().stream().filter(e -> e.actor().equals("unauthenticated")).toList();
    }
}
