package uk.xborder.gateway.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Failed logins counted per user name and per client address; either one reaching its limit ({@link LoginLimits})
 * locks it out, and a locked-out request is refused before its password is checked, so a guesser neither learns
 * anything nor costs the gateway a bcrypt. Success forgives the user name's failures, not the address's: a caller
 * who owns one account cannot use it to go on guessing others from the same address.
 *
 * <p>Decision: a user name is locked out whether or not such a user exists, so a lockout does not tell which names
 * are real; the price is that anyone may lock a real user out for {@link LoginLimits#lockout()} by guessing, which is
 * why the lockout is short and the address limit is the one that stops a guesser for good. Names no user can have
 * (outside {@link ApiUser#USERNAME}) are counted only against the address. The address is the connection's: a
 * forwarded-for header is the client's word and is not used.
 */
final class LoginThrottle {

    /** Keys kept per table; the oldest go first beyond it. */
    static final int CAPACITY = 10_000;

    /** What a failure did. */
    record Failure(boolean lockedUser, boolean lockedAddress) {
        boolean lockedOut() {
            return lockedUser || lockedAddress;
        }
    }

    private final Lockouts users;
    private final Lockouts addresses;
    private final Clock clock;

    LoginThrottle(LoginLimits limits, Clock clock) {
        this.users = new Lockouts(limits.failuresPerUser(), limits.window(), limits.lockout(), CAPACITY);
        this.addresses = new Lockouts(limits.failuresPerAddress(), limits.window(), limits.lockout(), CAPACITY);
        this.clock = clock;
    }

    /** How long this name or this address is still locked out for, whichever is longer; empty when neither is. */
    Optional<Duration> lockedOut(String username, String address) {
        Duration user = isPossibleName(username) ? users.lockedFor(username, clock.instant()) : Duration.ZERO;
        Duration client = addresses.lockedFor(addressKey(address), clock.instant());
        Duration longer = user.compareTo(client) >= 0 ? user : client;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    Failure failed(String username, String address) {
        boolean user = isPossibleName(username) && users.failed(username, clock.instant());
        boolean client = addresses.failed(addressKey(address), clock.instant());
        return new Failure(user, client);
    }

    void succeeded(String username) {
        users.forgive(username, clock.instant());
    }

    /**
     * The key an address is counted under: an IPv4 address as it is, an IPv6 address by its /64, the smallest block a
     * site is given, so that one client cannot take a fresh address for each guess.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal (it has a colon): parsed, never looked up
            InetAddress parsed = InetAddress.getByName(address.startsWith("[") ? address.substring(1,
                    address.length() - 1) : address);
            if (parsed instanceof Inet6Address v6) {
                byte[] prefix = java.util.Arrays.copyOf(v6.getAddress(), 8);
                return HexFormat.of().formatHex(prefix) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | StringIndexOutOfBoundsException e) {
            return address;
        }
    }

    private static boolean isPossibleName(String username) {
        return username != null && ApiUser.USERNAME.matcher(username).matches();
    }
}
