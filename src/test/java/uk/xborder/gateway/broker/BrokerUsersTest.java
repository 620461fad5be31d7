package uk.xborder.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.api.PasswordHashing;
import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.testsupport.ExampleBrokerUsers;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The embedded broker's users and roles files are checked before the broker reads them: Artemis itself would take a
 * clear-text password, a weak hash, or a file it cannot read (with a log line), and a role given by a pattern.
 */
class BrokerUsersTest {

    // A bcrypt hash of cost 12 (of "example-police-scotland-password"), from the shipped users file.
    private static final String GOOD = "ENC($2y$12$EMhIlwCp/G984i2LdvmbxeAzX0J7nKRRxDc8/0Bkl/kakcO7ZtkQW)";

    @TempDir
    Path dir;

    @Test
    void theShippedFilesGiveEachExampleUserItsRoles() {
        BrokerUsers users = BrokerUsers.read(ExampleBrokerUsers.shippedUsers(), ExampleBrokerUsers.shippedRoles());

        assertThat(users.users()).containsExactly("europol", "europol-ops", "nca", "operator", "police-scotland",
                "spoc-ie");
        assertThat(users.rolesOf("police-scotland")).containsExactly("agency-police-scotland");
        assertThat(users.rolesOf("nca")).containsExactlyInAnyOrder("agency-nca", "partner-nca");
        assertThat(users.rolesOf("operator")).containsExactly("operator");
        assertThat(users.rolesOf("europol")).containsExactly("partner-europol");
    }

    @Test
    void aClearTextPasswordIsRefusedNamingTheUserButNotThePassword() throws Exception {
        assertThatThrownBy(() -> read("police-scotland = example-police-scotland-password\n", ""))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(BrokerSettings.EMBEDDED_USERS)
                .hasMessageContaining("user 'police-scotland'")
                .hasMessageContaining("clear-text passwords")
                .hasMessageNotContaining("example-police-scotland-password");
    }

    @Test
    void theGatewayDoesNotStartOnAUsersFileWithAClearTextPassword() throws Exception {
        Path users = Files.writeString(dir.resolve("clear.properties"), "nca = example-nca-password\n");

        assertThatThrownBy(() -> RunningGateway.start(Map.of(BrokerSettings.EMBEDDED_USERS, users.toString(),
                BrokerSettings.EMBEDDED_ROLES, ExampleBrokerUsers.shippedRoles().toString())).close())
                .hasStackTraceContaining("setting " + BrokerSettings.EMBEDDED_USERS + " names " + users)
                .hasStackTraceContaining("gives user 'nca' a password that is not ENC(bcrypt hash");
    }

    @Test
    void artemisOwnDefaultHashIsRefused() {
        String pbkdf2 = "ENC(1024:84A72AD669052630FEA107FAE550779E1:C38E87E5BCA2F084CF38381DB573F7A56D35B2FCF1)";
        assertThatThrownBy(() -> read("police-scotland = " + pbkdf2 + "\n", ""))
                .isInstanceOf(SettingsException.class).hasMessageContaining("user 'police-scotland'");
    }

    @Test
    void aBcryptHashBelowCost12IsRefused() {
        String cheap = PasswordHashing.hash("example-police-scotland-password".toCharArray(), 12)
                .replaceFirst("\\$12\\$", "\\$10\\$");
        assertThatThrownBy(() -> read("police-scotland = ENC(" + cheap + ")\n", ""))
                .isInstanceOf(SettingsException.class).hasMessageContaining("cost 12 or more");
    }

    @Test
    void aHashWithoutEncIsRefused() {
        assertThatThrownBy(() -> read("police-scotland = " + GOOD.substring(4, GOOD.length() - 1) + "\n", ""))
                .isInstanceOf(SettingsException.class).hasMessageContaining("user 'police-scotland'");
    }

    @Test
    void theGatewaysOwnUserNameIsRefused() {
        assertThatThrownBy(() -> read("gateway = " + GOOD + "\n", ""))
                .isInstanceOf(SettingsException.class).hasMessageContaining("the gateway's own user");
    }

    @Test
    void theGatewaysRoleCannotBeGiven() {
        assertThatThrownBy(() -> read("police-scotland = " + GOOD + "\n", "gateway = police-scotland\n"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(BrokerSettings.EMBEDDED_ROLES)
                .hasMessageContaining("only the gateway's own in-VM user has");
    }

    @Test
    void aRoleMayOnlyNameUsersOfTheUsersFileNotPatterns() {
        assertThatThrownBy(() -> read("police-scotland = " + GOOD + "\n", "operator = /.*/\n"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'/.*/', which is not a user");
        assertThatThrownBy(() -> read("police-scotland = " + GOOD + "\n", "operator = police-scotland, mallory\n"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'mallory', which is not a user");
    }

    @Test
    void aMissingFileIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> BrokerUsers.read(dir.resolve("absent.properties"), ExampleBrokerUsers.shippedRoles()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(BrokerSettings.EMBEDDED_USERS)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theCodecChecksBcryptAndOnlyBcrypt() {
        BcryptPasswordCodec codec = new BcryptPasswordCodec();
        String hash = GOOD.substring(4, GOOD.length() - 1);

        assertThat(codec.verify("example-police-scotland-password".toCharArray(), hash)).isTrue();
        assertThat(codec.verify("example-nca-password".toCharArray(), hash)).isFalse();
        assertThat(codec.verify("example-police-scotland-password".toCharArray(),
                "example-police-scotland-password")).as("a clear-text 'hash'").isFalse();
        assertThat(codec.verify("x".toCharArray(), codec.encode("x"))).isTrue();
        assertThatThrownBy(() -> codec.decode(hash)).isInstanceOf(UnsupportedOperationException.class);
    }

    private BrokerUsers read(String users, String roles) throws Exception {
        return BrokerUsers.read(Files.writeString(dir.resolve("users.properties"), users),
                Files.writeString(dir.resolve("roles.properties"), roles));
    }
}
