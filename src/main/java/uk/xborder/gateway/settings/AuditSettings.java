package uk.xborder.gateway.settings;

import java.nio.file.Path;
import java.util.List;

import uk.xborder.gateway.audit.store.AuditStoreSettings;

/**
 * The audit log ({@code gateway.audit.*}): where it is stored, the key that signs its checkpoints, and the roots
 * that key's certificate must chain to.
 *
 * @param store         the database, pool, batches and checkpoints
 * @param storePassword where the database password is ({@code gateway.audit.store.password-env}); none for the
 *                      embedded default
 * @param identity      the audit key
 * @param trust         root certificates (PEM files) for live verification ({@code gateway.audit.trust})
 */
public record AuditSettings(AuditStoreSettings store, SecretSetting storePassword, IdentitySettings identity,
                            List<Path> trust) {

    static AuditSettings from(SettingsSource source, Path dataDir) {
        AuditStoreSettings store = AuditStoreSettings.fromProperties(source::text, dataDir);
        SecretSetting storePassword = new SecretSetting("gateway.audit.store.password", store.passwordEnv(), null);
        return new AuditSettings(store, storePassword, IdentitySettings.from(source, "gateway.audit.identity"),
                source.paths("gateway.audit.trust"));
    }

    /** Fails, naming the setting, if the database password is named but cannot be read. */
    public void checkStorePassword() {
        storePassword.read().ifPresent(secret -> secret.destroy());
    }
}
