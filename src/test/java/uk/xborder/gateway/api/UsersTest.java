package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checking a user's password, with the same work whether the user exists or not. */
class UsersTest {

    private static Users users;

    @BeforeAll
    static void load() {
        users = UsersFile.load(ExampleUsers.file());
    }

    @Test
    void theRightPasswordAuthenticatesTheUserWithTheirRole() {
        assertThat(users.authenticate("operator", ExampleUsers.OPERATOR_PASSWORD.toCharArray()))
                .hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(Role.OPERATOR));
    }

    @Test
    void aWrongPasswordAnotherUsersPasswordAndAnUnknownUserDoNot() {
        assertThat(users.authenticate("auditor", "wrong password!".toCharArray())).isEmpty();
        assertThat(users.authenticate("auditor", ExampleUsers.ADMIN_PASSWORD.toCharArray())).isEmpty();
        assertThat(users.authenticate("Auditor", ExampleUsers.AUDITOR_PASSWORD.toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody", ExampleUsers.AUDITOR_PASSWORD.toCharArray())).isEmpty();
    }

    @Test
    void anUnknownUserTakesAsLongAsAWrongPassword() {
        // Both run one bcrypt of cost 12 (about 0.3 s); without the decoy the unknown user would take microseconds.
        long unknown = fastestOfTwo(() -> users.authenticate("nobody", "wrong password!".toCharArray()));
        long wrong = fastestOfTwo(() -> users.authenticate("auditor", "wrong password!".toCharArray()));

        assertThat(unknown).isGreaterThan(wrong / 2);
    }

    @Test
    void usersNeverShowTheirHashes() {
        ApiUser auditor = users.all().get(0);

        assertThat(auditor.toString()).isEqualTo("ApiUser[auditor, auditor]");
        assertThat(users.toString()).doesNotContain("$2y$");
        assertThat(List.of(auditor.actor())).containsExactly("user:auditor");
    }

    private static long fastestOfTwo(Runnable check) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            check.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
