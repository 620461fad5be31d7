package uk.xborder.gateway.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the API makes guessing passwords, and how much of a bcrypt a legitimate client is spared.
 *
 * @param failuresPerUser    failed logins for one user name within {@code window} that lock that name out
 * @param failuresPerAddress failed logins from one client address (an IPv6 client's /64) within {@code window} that
 *                           lock that address out, whatever names it tried
 * @param window             the period failures are counted over; also the period in which a refusal of one kind
 *                           from one client is recorded only once
 * @param lockout            how long a locked-out name or address is answered 429 without its password being checked
 * @param credentialCache    how long a successful check of a user's password is remembered, so that the same
 *                           credentials are not put through bcrypt again; zero remembers nothing
 */
public record LoginLimits(int failuresPerUser, int failuresPerAddress, Duration window, Duration lockout,
                          Duration credentialCache) {

    /** Five guesses per name and twenty per address in a quarter of an hour, then a quarter of an hour's wait. */
    public static final LoginLimits DEFAULT = new LoginLimits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
            Duration.ofMinutes(5));

    public LoginLimits {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(credentialCache, "credentialCache");
        if (failuresPerUser < 1 || failuresPerAddress < 1) {
            throw new IllegalArgumentException("the failures that lock a login out must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("the window and the lockout must be positive durations");
        }
        if (credentialCache.isNegative()) {
            throw new IllegalArgumentException("the credential cache must be zero or a positive duration");
        }
    }
}
