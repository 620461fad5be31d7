package uk.xborder.gateway.broker;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.activemq.artemis.utils.PasswordMaskingUtil;

import uk.xborder.gateway.api.PasswordHashing;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.SettingsException;

/**
 * The embedded broker's users file and roles file, in Artemis's own properties format ({@code user = ENC(hash)};
 * {@code role = user, user}), checked before the broker reads them.
 *
 * <p>Artemis itself would accept a clear-text password in the users file, and skip a file it cannot read with no
 * more than a log line; the gateway refuses to start instead, and names the file and the user (never a hash).
 * The user {@value BrokerLogins#GATEWAY_USER} and the role {@value BrokerPermissions#GATEWAY} are the gateway's own
 * and cannot be given in the files; nor can a role's members be a pattern, so each user's roles can be read off the
 * file.
 */
public final class BrokerUsers {

    private final Path usersFile;
    private final Path rolesFile;
    private final Map<String, Set<String>> rolesByUser;

    private BrokerUsers(Path usersFile, Path rolesFile, Map<String, Set<String>> rolesByUser) {
        this.usersFile = usersFile;
        this.rolesFile = rolesFile;
        this.rolesByUser = rolesByUser;
    }

    public static BrokerUsers read(Path usersFile, Path rolesFile) {
        Properties users = load(usersFile, BrokerSettings.EMBEDDED_USERS);
        Map<String, Set<String>> rolesByUser = new LinkedHashMap<>();
        for (String user : new TreeSet<>(users.stringPropertyNames())) {
            String stored = users.getProperty(user).trim();
            if (user.equals(BrokerLogins.GATEWAY_USER)) {
                throw problem(BrokerSettings.EMBEDDED_USERS, usersFile, "has a user '" + user + "', the gateway's own "
                        + "user on its in-VM connection: give that user another name");
            }
            if (!PasswordMaskingUtil.isEncMasked(stored)
                    || !PasswordHashing.isAcceptedHash(PasswordMaskingUtil.unwrap(stored))) {
                throw problem(BrokerSettings.EMBEDDED_USERS, usersFile, "gives user '" + user + "' a password that is "
                        + "not ENC(bcrypt hash of cost " + PasswordHashing.MIN_COST + " or more); clear-text passwords "
                        + "and other hashes are refused (make one with uk.xborder.gateway.api.HashPassword)");
            }
            rolesByUser.put(user, new TreeSet<>());
        }
        Properties roles = load(rolesFile, BrokerSettings.EMBEDDED_ROLES);
        for (String role : new TreeSet<>(roles.stringPropertyNames())) {
            if (role.equals(BrokerPermissions.GATEWAY)) {
                throw problem(BrokerSettings.EMBEDDED_ROLES, rolesFile, "grants the role '" + role + "', which only "
                        + "the gateway's own in-VM user has");
            }
            for (String member : roles.getProperty(role).split(",")) {
                String user = member.trim();
                if (user.isEmpty()) {
                    continue;
                }
                if (!rolesByUser.containsKey(user)) {
                    throw problem(BrokerSettings.EMBEDDED_ROLES, rolesFile, "grants the role '" + role + "' to '"
                            + user + "', which is not a user of " + usersFile.getFileName()
                            + " (members are user names, not patterns)");
                }
                rolesByUser.get(user).add(role);
            }
        }
        rolesByUser.replaceAll((user, granted) -> Collections.unmodifiableSet(granted));
        return new BrokerUsers(usersFile, rolesFile, Collections.unmodifiableMap(rolesByUser));
    }

    public Path usersFile() {
        return usersFile;
    }

    public Path rolesFile() {
        return rolesFile;
    }

    /** Every user of the file, in name order. */
    public Set<String> users() {
        return new LinkedHashSet<>(rolesByUser.keySet());
    }

    /** The roles the roles file grants the user; empty for a user who is not in the users file. */
    public Set<String> rolesOf(String user) {
        return rolesByUser.getOrDefault(user, Set.of());
    }

    private static Properties load(Path file, String setting) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new SettingsException(setting, "names " + file + ", which cannot be read (" + e.getMessage() + ")",
                    e);
        }
        return properties;
    }

    private static SettingsException problem(String setting, Path file, String problem) {
        return new SettingsException(setting, "names " + file + ", which " + problem);
    }
}
