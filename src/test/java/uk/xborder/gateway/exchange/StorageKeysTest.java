package uk.xborder.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.settings.SecretSetting;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.settings.StoreSettings;

/**
 * The store's keys come from the settings: a key file (or environment variable), previous keys for reading, or, when
 * none is configured, a key generated once into the data directory for the gateway's user only. Errors name the
 * setting, never the key.
 */
class StorageKeysTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceForTheGatewaysUserOnlyAndKeptAcrossStarts() throws Exception {
        StoreSettings settings = settings(SecretSetting.none("gateway.store.key"), List.of());

        ContentSealing first = StorageKeys.load(settings);
        ContentSealing again = StorageKeys.load(settings);

        Path generated = dir.resolve("data").resolve(StoreSettings.GENERATED_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(generated).trim())).hasSize(32);
        assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
        SealedContent sealed = first.seal("ref", ContentKind.ORIGINAL_MESSAGE, "x".getBytes(StandardCharsets.UTF_8));
        assertThat(again.open("ref", ContentKind.ORIGINAL_MESSAGE, sealed)).isEqualTo("x".getBytes());
    }

    @Test
    void aRotatedKeyReadsOldContentAndSealsNewContentUnderItsOwnId() throws Exception {
        Path old = key("old.key");
        Path current = key("current.key");
        ContentSealing before = StorageKeys.load(settings(file(old), List.of()));
        SealedContent sealedBefore = before.seal("ref", ContentKind.SEALED_ENVELOPE, new byte[] {1, 2, 3});

        ContentSealing after = StorageKeys.load(settings(file(current), List.of(old)));

        assertThat(after.open("ref", ContentKind.SEALED_ENVELOPE, sealedBefore)).containsExactly(1, 2, 3);
        assertThat(after.seal("ref2", ContentKind.SEALED_ENVELOPE, new byte[] {4}).keyId())
                .isEqualTo(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
        assertThatThrownBy(() -> StorageKeys.load(settings(file(current), List.of(current))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.store.previous-key-files")
                .hasMessageContaining("is the same key as");
    }

    @Test
    void aKeyFileThatIsMissingOrNoKeyIsRefusedNamingTheSettingAndNotTheKey() throws Exception {
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> StorageKeys.load(settings(file(missing), List.of())))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).setting()).isEqualTo("gateway.store.key-file"))
                .hasMessageContaining(missing.toString());

        Path wrong = Files.writeString(dir.resolve("wrong.key"), "c2VjcmV0LXBhc3N3b3Jk\n");
        assertThatThrownBy(() -> StorageKeys.load(settings(file(wrong), List.of())))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gateway.store.key-file")
                .hasMessageContaining("holds 15 bytes")
                .hasMessageNotContaining("c2VjcmV0");

        assertThatThrownBy(() -> StorageKeys.load(settings(file(key("ok.key")), List.of(wrong))))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).setting())
                        .isEqualTo("gateway.store.previous-key-files"));
    }

    private Path key(String name) throws Exception {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(raw) + "\n");
    }

    private static SecretSetting file(Path file) {
        return new SecretSetting("gateway.store.key", "", file);
    }

    private StoreSettings settings(SecretSetting key, List<Path> previous) {
        return new StoreSettings(key, previous, dir.resolve("data").resolve(StoreSettings.GENERATED_KEY_FILE), 30,
                Duration.ofHours(1), "node-a");
    }
}
