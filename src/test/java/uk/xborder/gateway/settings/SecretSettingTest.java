package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.crypto.Secret;

class SecretSettingTest {

    private static final String SETTING = "gateway.broker.password";

    @TempDir
    Path dir;

    @Test
    void aNamedEnvironmentVariableIsRead() {
        Secret secret = new SecretSetting(SETTING, "BROKER_PW", null).read(Map.of("BROKER_PW", "s3cret-value"))
                .orElseThrow();

        assertThat(secret.chars()).containsExactly("s3cret-value".toCharArray());
        assertThat(secret.toString()).doesNotContain("s3cret");
    }

    @Test
    void aNamedVariableThatIsMissingOrEmptyIsAnErrorNamingTheSettingAndTheVariable() {
        SecretSetting setting = new SecretSetting(SETTING, "BROKER_PW", null);

        assertThatThrownBy(() -> setting.read(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.broker.password-env").hasMessageContaining("BROKER_PW")
                .hasMessageContaining("not set")
                .extracting(e -> ((SettingsException) e).setting()).isEqualTo("gateway.broker.password-env");
        assertThatThrownBy(() -> setting.read(Map.of("BROKER_PW", "")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("empty");
    }

    @Test
    void aNamedFileIsReadAndAMissingOneIsAnErrorNamingTheSettingAndTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-a-file\n");
        assertThat(new SecretSetting(SETTING, "", file).read(Map.of()).orElseThrow().chars())
                .containsExactly("from-a-file".toCharArray());

        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> new SecretSetting(SETTING, "", missing).read(Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.broker.password-file").hasMessageContaining(missing.toString());
    }

    @Test
    void nothingNamedIsNoSecretButOneThatMustBeThereIsRequired() {
        SecretSetting none = new SecretSetting(SETTING, " ", null);

        assertThat(none.isGiven()).isFalse();
        assertThat(none.read(Map.of())).isEmpty();
        assertThatThrownBy(none::require).isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.broker.password-env");
    }

    @Test
    void aVariableAndAFileTogetherAreAmbiguous() {
        assertThatThrownBy(() -> new SecretSetting(SETTING, "BROKER_PW", dir.resolve("pw")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("both");
    }

    @Test
    void aBrokerUserNeedsItsPassword() {
        BrokerSettings anonymous = broker("", SecretSetting.none(SETTING));
        BrokerSettings withUser = broker("gateway", new SecretSetting(SETTING, "XB_TEST_VARIABLE_NEVER_SET", null));

        assertThat(anonymous.credentials()).isEmpty();
        assertThatThrownBy(withUser::credentials).isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.broker.password-env").hasMessageContaining("XB_TEST_VARIABLE_NEVER_SET");
    }

    private static BrokerSettings broker(String user, SecretSetting password) {
        return new BrokerSettings(false, "tcp://broker:61616", user, password, "127.0.0.1", 61616, 10, 4, 64L << 20,
                32L << 20, Path.of("broker-users.properties"), Path.of("broker-roles.properties"), true);
    }
}
