package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import uk.xborder.gateway.api.PasswordHashing;
import uk.xborder.gateway.broker.BrokerPermissions;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.settings.BrokerSettings;

/**
 * The embedded broker's example users as tests log in with them: the shipped {@code config/broker-users.properties}
 * and {@code config/broker-roles.properties}, whose published example password for user U is
 * {@code example-U-password}; and, for a directory with parties those files do not know (a partner a test added),
 * the same files with a user and role for each such party added, in a folder of the test's.
 */
public final class ExampleBrokerUsers {

    public static final String OPERATOR = "operator";

    // bcrypt at cost 12 takes a quarter of a second: each added user is hashed once per test run.
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private ExampleBrokerUsers() {
    }

    /** The published example password of an example user. */
    public static String password(String user) {
        return "example-" + user + "-password";
    }

    /** A file holding the user's example password, for a tool's {@code --password-file}. */
    public static Path passwordFile(Path folder, String user) throws IOException {
        return Files.writeString(folder.resolve(user + ".broker-password"), password(user), StandardCharsets.UTF_8);
    }

    public static Path shippedUsers() {
        return RunningGateway.projectDirectory().resolve("config/broker-users.properties");
    }

    public static Path shippedRoles() {
        return RunningGateway.projectDirectory().resolve("config/broker-roles.properties");
    }

    /**
     * The users and roles settings under which each agency and partner of the directory, and the operator, has a
     * user of its own id with its role: the shipped files when they already do, else copies with the missing users
     * and roles added, written into {@code folder}.
     */
    public static Map<String, String> settingsFor(PartyDirectory directory, Path folder) throws IOException {
        Properties users = load(shippedUsers());
        Map<String, Set<String>> roles = new TreeMap<>();
        load(shippedRoles()).forEach((role, members) -> {
            Set<String> names = new TreeSet<>();
            for (String member : members.toString().split(",")) {
                if (!member.isBlank()) {
                    names.add(member.trim());
                }
            }
            roles.put(role.toString(), names);
        });
        boolean added = false;
        Map<String, String> needed = new TreeMap<>();
        for (Agency agency : directory.agencies()) {
            needed.put(BrokerPermissions.agencyRole(agency.id()), agency.id());
        }
        for (Partner partner : directory.partners()) {
            needed.put(BrokerPermissions.partnerRole(partner.id()), partner.id());
        }
        needed.put(BrokerPermissions.OPERATOR, OPERATOR);
        for (Map.Entry<String, String> role : needed.entrySet()) {
            String user = role.getValue();
            if (!users.containsKey(user)) {
                users.setProperty(user, "ENC(" + HASHES.computeIfAbsent(user,
                        name -> PasswordHashing.hash(password(name).toCharArray(), PasswordHashing.MIN_COST)) + ")");
                added = true;
            }
            added |= roles.computeIfAbsent(role.getKey(), r -> new TreeSet<>()).add(user);
        }
        if (!added) {
            return Map.of(BrokerSettings.EMBEDDED_USERS, shippedUsers().toString(),
                    BrokerSettings.EMBEDDED_ROLES, shippedRoles().toString());
        }
        Files.createDirectories(folder);
        Path usersFile = folder.resolve("broker-users.properties");
        Path rolesFile = folder.resolve("broker-roles.properties");
        store(users, usersFile);
        Properties rolesOut = new Properties();
        roles.forEach((role, members) -> rolesOut.setProperty(role, String.join(",", members)));
        store(rolesOut, rolesFile);
        return Map.of(BrokerSettings.EMBEDDED_USERS, usersFile.toString(),
                BrokerSettings.EMBEDDED_ROLES, rolesFile.toString());
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static void store(Properties properties, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "made by a test from the shipped example users");
        }
    }
}
