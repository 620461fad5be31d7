package uk.xborder.gateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who is asking: the HTTP Basic credentials checked against the users, with the limits on guessing
 * ({@link LoginThrottle}) applied before the password is, and a recent success remembered ({@link CredentialCache}).
 *
 * <p>Refusals of callers who have not proved who they are are recorded in the audit log once per kind, client and
 * window ({@link OncePerWindow}), with the count of those left out, so that nobody can flood the log by repeating a
 * refused request; the failure that locks a name or address out is always recorded.
 */
final class Authentication {

    private final Users users;
    private final LoginLimits limits;
    private final LoginThrottle throttle;
    private final CredentialCache cache;
    private final OncePerWindow refusals;

    Authentication(Users users, LoginLimits limits, Clock clock) {
        this.users = users;
        this.limits = limits;
        this.throttle = new LoginThrottle(limits, clock);
        this.cache = new CredentialCache(limits.credentialCache(), clock);
        this.refusals = new OncePerWindow(limits.window(), clock, LoginThrottle.CAPACITY);
    }

    /** The user these credentials belong to, or an {@link ApiProblem} (401 or 429). */
    ApiUser authenticate(BasicCredentials credentials, String address) {
        String name = credentials.username();
        Optional<Duration> locked = throttle.lockedOut(name, address);
        if (locked.isPresent()) {
            return throwOnce(ApiProblem.tooManyFailedLogins(locked.get()), "429|" + LoginThrottle.addressKey(address));
        }
        Optional<ApiUser> user = cache.find(name, credentials.password());
        if (user.isEmpty()) {
            user = users.authenticate(name, credentials.password());
            user.ifPresent(found -> cache.remember(found, credentials.password()));
        }
        if (user.isPresent()) {
            throttle.succeeded(name);
            return user.get();
        }
        LoginThrottle.Failure failure = throttle.failed(name, address);
        ApiProblem wrong = ApiProblem.unauthenticated("AUTHENTICATION_FAILED", "The user name or password is not right.");
        if (failure.lockedOut()) {
            throw wrong.recorded(lockoutNote(failure));
        }
        return throwOnce(wrong, "401|" + LoginThrottle.addressKey(address) + "|" + Sanitized.text(name, 64));
    }

    /** The refusal of a request without usable credentials. */
    ApiProblem missingCredentials(String address) {
        ApiProblem missing = ApiProblem.unauthenticated("AUTHENTICATION_REQUIRED",
                "Authenticate with HTTP Basic: one Authorization header with a user name and password.");
        return once(missing, "401-none|" + LoginThrottle.addressKey(address));
    }

    private ApiUser throwOnce(ApiProblem problem, String key) {
        throw once(problem, key);
    }

    private ApiProblem once(ApiProblem problem, String key) {
        return refusals.first(key)
                .map(pass -> problem.recorded(pass.unrecordedBefore() == 0 ? null
                        : pass.unrecordedBefore() + " like refusals of this client since " + pass.since()
                                .truncatedTo(ChronoUnit.SECONDS) + " were not recorded one by one."))
                .orElseGet(problem::unrecorded);
    }

    private String lockoutNote(LoginThrottle.Failure failure) {
        String who = failure.lockedUser() && failure.lockedAddress() ? "this user name and this client address"
                : failure.lockedUser() ? "this user name" : "this client address";
        int limit = failure.lockedUser() ? limits.failuresPerUser() : limits.failuresPerAddress();
        return "Locked out: " + limit + " failed logins for " + who + " within " + limits.window()
                + "; further attempts are refused for " + limits.lockout() + ".";
    }
}
