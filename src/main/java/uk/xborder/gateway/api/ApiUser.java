package uk.xborder.gateway.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who may use the audit API: a username, one role and a bcrypt hash of the password. The hash is never
 * shown by {@link #toString()}, so a user can be logged safely.
 */
public record ApiUser(String username, Role role, String passwordHash) {

    /** Letters, digits and {@code . _ @ -}: safe to write into audit events and logs as they are. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public ApiUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 1 to 64 letters, digits or . _ @ - and starts with a "
                    + "letter or digit");
        }
        if (!PasswordHashing.isAcceptedHash(passwordHash)) {
            throw new IllegalArgumentException("the password hash of user " + username + " is not a bcrypt hash of "
                    + "cost " + PasswordHashing.MIN_COST + " or more");
        }
    }

    /** The actor of this user's audit events. */
    public String actor() {
        return "user:" + username;
    }

    @Override
    public String toString() {
        return "ApiUser[" + username + ", " + role.id() + "]";
    }
}
