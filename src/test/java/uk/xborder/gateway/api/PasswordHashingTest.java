package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** bcrypt hashes through HashPassword, and the users file that holds them. */
class PasswordHashingTest {

    @Test
    void aHashFromHashPasswordVerifiesItsPasswordAndNoOther() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = HashPassword.run(new String[0], stdin("correct horse battery staple\n"), print(out), print(err));

        assertThat(status).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("$2y$12$").hasSize(60).doesNotContain("correct horse");
        assertThat(PasswordHashing.isAcceptedHash(hash)).isTrue();
        assertThat(PasswordHashing.matches(hash, "correct horse battery staple".toCharArray())).isTrue();
        assertThat(PasswordHashing.matches(hash, "correct horse battery stapl".toCharArray())).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void hashPasswordRefusesAShortPasswordALongOneAndALowCost() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(HashPassword.run(new String[0], stdin("short\n"), print(out), print(err))).isEqualTo(1);
        assertThat(HashPassword.run(new String[0], stdin("é".repeat(37) + "\n"), print(out), print(err)))
                .isEqualTo(1);
        assertThat(HashPassword.run(new String[] {"--cost", "10"}, stdin("long enough password\n"), print(out),
                print(err))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("12 characters", "72 bytes", "--cost")
                .doesNotContain("short", "long enough");
    }

    @Test
    void aCostBelowTwelveIsNotAnAcceptedHash() {
        String cost10 = "$2y$10$c7ZIdmyJvYI3p.bMba4z1OXYVXz7jkwaU0meRD6n4paDvIJwN6J7e";
        String cost12 = "$2y$12$c7ZIdmyJvYI3p.bMba4z1OXYVXz7jkwaU0meRD6n4paDvIJwN6J7e";

        assertThat(PasswordHashing.isAcceptedHash(cost10)).isFalse();
        assertThat(PasswordHashing.isAcceptedHash(cost12)).isTrue();
        assertThat(PasswordHashing.isAcceptedHash("example-auditor-password")).isFalse();
        assertThatThrownBy(() -> PasswordHashing.hash("long enough password".toCharArray(), 11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExampleUsersFileHoldsHashesOfTheDocumentedExamplePasswordsAndNeverThePasswords() throws Exception {
        String file = Files.readString(ExampleUsers.file());
        Map<String, String> examples = Map.of("auditor", ExampleUsers.AUDITOR_PASSWORD,
                "operator", ExampleUsers.OPERATOR_PASSWORD, "admin", ExampleUsers.ADMIN_PASSWORD);
        String docs = Files.readString(ExampleUsers.projectDirectory().resolve("docs/audit-api.md"));

        Users users = UsersFile.load(ExampleUsers.file());

        assertThat(users.all()).extracting(ApiUser::username).containsExactly("auditor", "operator", "admin");
        for (ApiUser user : users.all()) {
            String password = examples.get(user.username());
            assertThat(file).doesNotContain(password);
            assertThat(docs).contains(password);
            assertThat(user.role().id()).isEqualTo(user.username());
            assertThat(PasswordHashing.costOf(user.passwordHash())).isGreaterThanOrEqualTo(12);
            assertThat(PasswordHashing.matches(user.passwordHash(), password.toCharArray())).isTrue();
        }
        assertThat(file).doesNotContainPattern("(?m)^\\s*password\\s*:");
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
