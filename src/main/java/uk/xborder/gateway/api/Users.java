package uk.xborder.gateway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The people who may use the audit API, and the check of their passwords.
 *
 * <p>The check leaks nothing through its timing: every user's name is compared (in constant time, on SHA-256
 * digests so that name lengths do not show either), and exactly one bcrypt check runs whatever the outcome. An unknown
 * name is checked against a decoy hash of the highest cost in use, so it takes as long as a wrong password.
 */
public final class Users {

    private final List<ApiUser> users;
    private final List<byte[]> nameDigests;
    /** Checked in place of an unknown user's hash, so that a wrong name takes as long as a wrong password. */
    private final CompletableFuture<String> decoyHash;

    public Users(Collection<ApiUser> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("there must be at least one user");
        }
        Set<String> names = new HashSet<>();
        for (ApiUser user : users) {
            if (!names.add(user.username())) {
                throw new IllegalArgumentException("user " + user.username() + " is listed twice");
            }
        }
        this.users = List.copyOf(users);
        this.nameDigests = this.users.stream().map(u -> sha256(u.username())).toList();
        int cost = this.users.stream().mapToInt(u -> PasswordHashing.costOf(u.passwordHash())).max().orElseThrow();
        // Made beside the start-up rather than in it (a bcrypt hash at the users' cost takes a few hundred ms).
        this.decoyHash = CompletableFuture.supplyAsync(() -> PasswordHashing.hash(randomPassword(), cost));
    }

    /** The user with this name and password; empty for an unknown name or a wrong password, indistinguishably. */
    public Optional<ApiUser> authenticate(String username, char[] password) {
        byte[] wanted = sha256(username);
        ApiUser found = null;
        for (int i = 0; i < users.size(); i++) {
            // no early exit: every name is compared
            if (MessageDigest.isEqual(nameDigests.get(i), wanted)) {
                found = users.get(i);
            }
        }
        String hash = found == null ? decoyHash.join() : found.passwordHash();
        boolean matches = PasswordHashing.matches(hash, password);
        return matches && found != null ? Optional.of(found) : Optional.empty();
    }

    public List<ApiUser> all() {
        return users;
    }

    private static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password = java.util.Base64.getEncoder().encodeToString(random).toCharArray();
        Arrays.fill(random, (byte) 0);
        return password;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "Users" + users;
    }
}
