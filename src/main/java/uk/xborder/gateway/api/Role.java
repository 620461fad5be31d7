package uk.xborder.gateway.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user of the API is: the users file and the REST definitions (the scopes of each operation's security
 * requirement) name roles by their lower-case {@link #id()}.
 */
public enum Role {
    /** Searches and inspects the log, proves it unaltered, exports evidence. */
    AUDITOR,
    /**
     * Looks up exchanges to find and explain failures; no proofs, no evidence export, and no one else's readings of
     * the log (their justifications can name court orders and operations): only their own.
     */
    OPERATOR,
    /** Everything an auditor may do. */
    ADMIN;

    /**
     * Whether this role sees every reader's {@code CONSULTATION} entries; otherwise only the user's own. Who read the
     * log, and why, is for auditors: the readings of others are not an operator's business.
     */
    public boolean seesEveryonesConsultations() {
        return this != OPERATOR;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a list separated by commas or spaces, such as {@code "auditor,admin"}. An unknown name throws: a typo in
     * an operation's access rule must fail loudly, never grant or deny silently.
     */
    public static Set<Role> parseList(String ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : ids.strip().split("[\\s,]+")) {
            roles.add(fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown role in access rule: " + id)));
        }
        return roles;
    }
}
