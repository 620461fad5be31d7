package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @TempDir
    Path tmp;

    @Test
    void fromFileDropsTrailingLineBreaksOnly() throws IOException {
        assertThat(Secret.fromFile(Files.writeString(tmp.resolve("unix"), "pa ss\n")).chars()).containsExactly("pa ss".toCharArray());
        assertThat(Secret.fromFile(Files.writeString(tmp.resolve("dos"), " pass \r\n")).chars()).containsExactly(" pass ".toCharArray());
        assertThat(Secret.fromFile(Files.writeString(tmp.resolve("none"), "pässwörd")).chars()).containsExactly("pässwörd".toCharArray());
    }

    @Test
    void fromFileRefusesEmptyAndNonUtf8FilesNamingTheFileOnly() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty"), "\n");
        assertThatThrownBy(() -> Secret.fromFile(empty)).isInstanceOf(IOException.class).hasMessageContaining("empty");

        Path latin1 = Files.write(tmp.resolve("latin1"), "geheim\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Secret.fromFile(latin1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("latin1")
                .hasMessageNotContaining("geheim");
    }

    @Test
    void fromEnvironmentNamesTheVariableNeverTheValue() {
        assertThat(Secret.fromEnvironment("KEY_PASSWORD", Map.of("KEY_PASSWORD", "s3cr3t")).chars())
                .containsExactly("s3cr3t".toCharArray());
        assertThatThrownBy(() -> Secret.fromEnvironment("KEY_PASSWORD", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Environment variable KEY_PASSWORD is not set");
        assertThatThrownBy(() -> Secret.fromEnvironment("KEY_PASSWORD", Map.of("KEY_PASSWORD", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Environment variable KEY_PASSWORD is empty");
        assertThatThrownBy(() -> Secret.fromEnvironment("XBORDER_TEST_VARIABLE_THAT_IS_NEVER_SET"))
                .hasMessageContaining("XBORDER_TEST_VARIABLE_THAT_IS_NEVER_SET");
    }

    @Test
    void neverShownAndNeverShared() {
        char[] original = "s3cr3t".toCharArray();
        Secret secret = Secret.of(original);
        original[0] = 'X';
        char[] handedOut = secret.chars();
        handedOut[1] = 'X';

        assertThat(secret.chars()).containsExactly("s3cr3t".toCharArray());
        assertThat(secret.toString()).isEqualTo("Secret[redacted]");
        assertThat(String.valueOf(secret)).doesNotContain("s3cr3t");
    }

    @Test
    void destroyWipesIt() {
        Secret secret = Secret.of("s3cr3t".toCharArray());
        secret.destroy();
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class);
    }
}
