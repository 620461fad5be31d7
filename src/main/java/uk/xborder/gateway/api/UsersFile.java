package uk.xborder.gateway.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the users file ({@code config/users.yaml}):
 *
 * <pre>
 * users:
 *   - username: auditor
 *     role: auditor            # auditor, operator or admin
 *     passwordHash: "$2y$12$..." # bcrypt, cost 12 or more, made by HashPassword
 * </pre>
 *
 * Strict: an unknown or missing field, a duplicate key or user, an unknown role or anything but a bcrypt hash of cost
 * 12 or more refuses the whole file, so a mistake never quietly locks someone out or lets someone in. A clear-text
 * {@code password} field is refused with a pointer to {@link HashPassword}.
 */
public final class UsersFile {

    private static final Set<String> USER_FIELDS = Set.of("username", "role", "passwordHash");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private UsersFile() {
    }

    public static Users load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidUsersFileException("the users file " + file + " cannot be read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Jackson's message can quote the offending text, which may be a hash: give the position only.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidUsersFileException("the users file " + file + " is not valid YAML" + where
                    + " (or repeats a key)", e);
        } catch (IOException e) {
            throw new InvalidUsersFileException("the users file " + file + " cannot be read", e);
        }
        return parse(root, file.toString());
    }

    static Users parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw invalid(source, "it must be a mapping with one key, 'users'");
        }
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(List.of("users"))) {
            throw invalid(source, "it must have exactly one top-level key, 'users'");
        }
        JsonNode list = root.get("users");
        if (!list.isArray() || list.isEmpty()) {
            throw invalid(source, "'users' must be a non-empty list");
        }
        List<ApiUser> users = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            users.add(user(list.get(i), source, "user " + (i + 1)));
        }
        try {
            return new Users(users);
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private static ApiUser user(JsonNode node, String source, String which) {
        if (!node.isObject()) {
            throw invalid(source, which + " must be a mapping of username, role and passwordHash");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("password")) {
                throw invalid(source, which + " has a clear-text 'password'; store only 'passwordHash', made by "
                        + "uk.xborder.gateway.api.HashPassword");
            }
            if (!USER_FIELDS.contains(name)) {
                throw invalid(source, which + " has an unknown field (only username, role and passwordHash)");
            }
        }
        String username = text(node, "username", source, which);
        if (!ApiUser.USERNAME.matcher(username).matches()) {
            throw invalid(source, which + ": a username is 1 to 64 letters, digits or . _ @ - and starts with a "
                    + "letter or digit");
        }
        which = which + " (" + username + ")";
        String roleId = text(node, "role", source, which);
        Role role = Role.fromId(roleId).orElseThrow(() -> invalid(source,
                "user " + username + " has an unknown role; roles are auditor, operator and admin"));
        String hash = text(node, "passwordHash", source, which);
        if (!PasswordHashing.isAcceptedHash(hash)) {
            throw invalid(source, "user " + username + ": passwordHash must be a bcrypt hash of cost "
                    + PasswordHashing.MIN_COST + " to " + PasswordHashing.MAX_COST + ", made by HashPassword");
        }
        return new ApiUser(username, role, hash);
    }

    private static String text(JsonNode node, String field, String source, String which) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(source, which + " needs '" + field + "' as a non-empty string");
        }
        return value.asText();
    }

    private static InvalidUsersFileException invalid(String source, String why) {
        return new InvalidUsersFileException("the users file " + source + " is refused: " + why);
    }
}
