package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The users file loader refuses every malformed file, one fixture per fault, without repeating secrets. */
class UsersFileTest {

    private static final String HASH = "$2y$12$c7ZIdmyJvYI3p.bMba4z1OXYVXz7jkwaU0meRD6n4paDvIJwN6J7e";
    private static final String HASH_2 = "$2y$12$S87TtCUX1HfeKBSL8uF5b.gJvpXqw1c1MXiz3L9qTlrb1SfQClQzi";

    @TempDir
    Path directory;

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("not-yaml", "users: [ {username: a", "not valid YAML"),
                Arguments.of("empty", "", "mapping"),
                Arguments.of("a-list", "- username: auditor", "mapping"),
                Arguments.of("no-users-key", "people: []", "exactly one top-level key"),
                Arguments.of("extra-top-level-key", "users: []\nadmins: []", "exactly one top-level key"),
                Arguments.of("empty-list", "users: []", "non-empty list"),
                Arguments.of("user-not-a-mapping", "users:\n  - auditor", "must be a mapping"),
                Arguments.of("clear-text-password", user("auditor", "auditor", null)
                        + "    password: example-auditor-password\n", "clear-text 'password'"),
                Arguments.of("unknown-field", user("auditor", "auditor", HASH) + "    email: a@b\n", "unknown field"),
                Arguments.of("missing-role", "users:\n  - username: auditor\n    passwordHash: \"" + HASH + "\"\n",
                        "'role'"),
                Arguments.of("unknown-role", user("auditor", "superuser", HASH), "unknown role"),
                Arguments.of("role-not-text", user("auditor", "1", HASH).replace("role: 1", "role: [a]"), "'role'"),
                Arguments.of("bad-username", user("audi tor", "auditor", HASH), "username"),
                Arguments.of("hash-not-bcrypt", user("auditor", "auditor", "sha256:abcdef"), "bcrypt"),
                Arguments.of("hash-cost-10", user("auditor", "auditor", HASH.replace("$12$", "$10$")), "cost 12"),
                Arguments.of("duplicate-user", user("auditor", "auditor", HASH)
                        + user("auditor", "admin", HASH_2).replace("users:\n", ""), "listed twice"),
                Arguments.of("duplicate-key", user("auditor", "auditor", HASH) + "    role: admin\n", "repeats a key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void aMalformedFileIsRefusedSayingWhy(String name, String content, String reason) throws IOException {
        Path file = write(name, content);

        assertThatThrownBy(() -> UsersFile.load(file))
                .isInstanceOf(InvalidUsersFileException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining(HASH.substring(7))
                .hasMessageNotContaining("example-auditor-password");
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> UsersFile.load(directory.resolve("absent.yaml")))
                .isInstanceOf(InvalidUsersFileException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void aWellFormedFileLoads() throws IOException {
        Path file = write("good", user("jane.doe@nca", "auditor", HASH)
                + user("ops1", "operator", HASH_2).replace("users:\n", ""));

        Users users = UsersFile.load(file);

        assertThat(users.all()).extracting(ApiUser::username, ApiUser::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jane.doe@nca", Role.AUDITOR),
                        org.assertj.core.groups.Tuple.tuple("ops1", Role.OPERATOR));
    }

    private static String user(String username, String role, String hash) {
        return "users:\n  - username: " + username + "\n    role: " + role + "\n"
                + (hash == null ? "" : "    passwordHash: \"" + hash + "\"\n");
    }

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name + ".yaml");
        Files.writeString(file, content);
        return file;
    }
}
