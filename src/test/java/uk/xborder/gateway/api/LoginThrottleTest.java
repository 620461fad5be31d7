package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.SettableClock;

/** Failed logins per user name and per address, over a window, with a lockout; on a clock the test moves. */
class LoginThrottleTest {

    private static final LoginLimits LIMITS = new LoginLimits(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10),
            Duration.ZERO);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    @Test
    void theFailureThatReachesTheLimitLocksTheNameOutForTheLockout() {
        assertThat(throttle.failed("auditor", "10.0.0.1").lockedOut()).isFalse();
        assertThat(throttle.failed("auditor", "10.0.0.2").lockedOut()).isFalse();
        assertThat(throttle.lockedOut("auditor", "10.0.0.3")).isEmpty();

        LoginThrottle.Failure third = throttle.failed("auditor", "10.0.0.3");

        assertThat(third.lockedUser()).isTrue();
        assertThat(third.lockedAddress()).isFalse();
        // from any address: the name is locked, not the caller
        assertThat(throttle.lockedOut("auditor", "192.0.2.9")).hasValue(Duration.ofMinutes(10));
        assertThat(throttle.lockedOut("operator", "10.0.0.3")).isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.lockedOut("auditor", "192.0.2.9")).hasValue(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.lockedOut("auditor", "192.0.2.9")).isEmpty();
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        throttle.failed("auditor", "10.0.0.1");
        throttle.failed("auditor", "10.0.0.1");
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.failed("auditor", "10.0.0.1").lockedOut()).isFalse();
        assertThat(throttle.lockedOut("auditor", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessForgivesTheNamesFailuresButNotTheAddresss() {
        throttle.failed("auditor", "10.0.0.1");
        throttle.failed("auditor", "10.0.0.1");
        throttle.succeeded("auditor");
        throttle.failed("auditor", "10.0.0.1");
        throttle.failed("auditor", "10.0.0.1");

        assertThat(throttle.lockedOut("auditor", "10.0.0.9")).isEmpty();
        // but the address has failed four times: the fifth locks it, whatever name it tries
        LoginThrottle.Failure fifth = throttle.failed("someone-else", "10.0.0.1");
        assertThat(fifth.lockedAddress()).isTrue();
        assertThat(throttle.lockedOut("admin", "10.0.0.1")).hasValue(Duration.ofMinutes(10));
        assertThat(throttle.lockedOut("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessDuringALockoutDoesNotLiftIt() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("auditor", "10.0.0." + i);
        }
        throttle.succeeded("auditor");

        assertThat(throttle.lockedOut("auditor", "10.0.0.1")).isPresent();
    }

    @Test
    void namesNoUserCanHaveCountOnlyAgainstTheAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("<script>", "10.0.0." + i).lockedUser()).isFalse();
        }
        assertThat(throttle.lockedOut("<script>", "10.0.0.9")).isEmpty();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("20010db800010002::/64");
        assertThat(LoginThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:2::1"));
        assertThat(LoginThrottle.addressKey("[::1]")).isEqualTo("0000000000000000::/64");
        assertThat(LoginThrottle.addressKey("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(LoginThrottle.addressKey(null)).isEqualTo("unknown");

        for (int i = 1; i <= 5; i++) {
            throttle.failed("u" + i, "2001:db8:1:2::" + Integer.toHexString(i));
        }
        assertThat(throttle.lockedOut("auditor", "2001:db8:1:2:ffff::77")).isPresent();
    }

    @Test
    void madeUpNamesCannotGrowTheTablesBeyondTheirCapacity() {
        Lockouts table = new Lockouts(3, Duration.ofMinutes(15), Duration.ofMinutes(10), 100);
        Instant now = clock.instant();
        for (int i = 0; i < 1_000; i++) {
            table.failed("name-" + i, now);
        }
        assertThat(table.size()).isLessThanOrEqualTo(100);
        // a key seen recently is still counted
        table.failed("name-999", now);
        assertThat(table.failed("name-999", now)).isTrue();
    }
}
