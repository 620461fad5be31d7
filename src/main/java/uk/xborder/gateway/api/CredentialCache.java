package uk.xborder.gateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a user's credentials passed bcrypt, so that a client sending the same credentials
 * with every request (the command-line tools do) is not made to wait a quarter of a second each time.
 *
 * <p>Decision: what is kept is not the password but an HMAC-SHA256 of name and password under a random key that lives
 * only in this process and is never written anywhere; a request matches when its own HMAC equals the one kept,
 * compared in constant time. An entry is made only after bcrypt accepted the password, holds for a fixed time from
 * then (it is not extended by use), and is never made for a wrong password, so a guess costs a full bcrypt as before.
 * A hit answers faster than a miss, but only the right password can hit, so the timing tells a guesser nothing the
 * answer itself does not. What it costs: someone able to read this process's memory could test guesses against an
 * entry at HMAC speed instead of bcrypt speed; whoever can read it can also read the passwords of requests as they
 * arrive, so the cache adds little to that threat. Set the duration to zero to keep nothing.
 */
final class CredentialCache {

    private static final String HMAC = "HmacSHA256";

    private final Duration lifetime;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CredentialCache(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, HMAC);
        Arrays.fill(random, (byte) 0);
    }

    /** The user, when these credentials passed bcrypt less than the lifetime ago. */
    Optional<ApiUser> find(String username, char[] password) {
        if (lifetime.isZero()) {
            return Optional.empty();
        }
        Entry entry = entries.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires)) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        byte[] presented = mac(username, password);
        boolean equal = MessageDigest.isEqual(entry.mac, presented);
        Arrays.fill(presented, (byte) 0);
        return equal ? Optional.of(entry.user) : Optional.empty();
    }

    /** Remembers credentials that bcrypt has just accepted for this user. */
    void remember(ApiUser user, char[] password) {
        if (!lifetime.isZero()) {
            entries.put(user.username(), new Entry(user, mac(user.username(), password),
                    clock.instant().plus(lifetime)));
        }
    }

    private byte[] mac(String username, char[] password) {
        byte[] secret = PasswordHashing.utf8(password);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] name = username.getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so that no other split of the same bytes into name and password gives the same input
            mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
            mac.update(name);
            mac.update(secret);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private record Entry(ApiUser user, byte[] mac, Instant expires) {
        @Override
        public String toString() {
            return "Entry[" + user + "]";
        }
    }
}
