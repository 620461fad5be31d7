package uk.xborder.gateway.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * One of the gateway's identities, as {@code <prefix>.certificate}, {@code .key}, {@code .pkcs12} and
 * {@code .password-env} / {@code .password-file} describe it: a PKCS#12 keystore when one is named, otherwise a PEM
 * certificate (with chain) and key. Used for the gateway's signing identity ({@code gateway.identity}) and the audit
 * key ({@code gateway.audit.identity}).
 *
 * @param certificate the PEM certificate, or null when a keystore is named
 * @param key         the PEM private key (PKCS#8, optionally encrypted), or null when a keystore is named
 * @param pkcs12      the keystore, or null
 * @param password    the key or keystore password; none for an unencrypted PEM key
 */
public record IdentitySettings(Path certificate, Path key, Path pkcs12, SecretSetting password) {

    static IdentitySettings from(SettingsSource source, String prefix) {
        SecretSetting password = source.secret(prefix + ".password");
        Path keystore = source.optionalPath(prefix + ".pkcs12").orElse(null);
        if (keystore != null) {
            return new IdentitySettings(null, null, keystore, password);
        }
        return new IdentitySettings(source.path(prefix + ".certificate"), source.path(prefix + ".key"), null,
                password);
    }

    /** Reads the key material; the password is wiped once the key is loaded. */
    public SigningIdentity load() throws IOException, GeneralSecurityException {
        Secret secret = password.read().orElse(null);
        try {
            return pkcs12 != null ? SigningIdentity.fromPkcs12(pkcs12, secret, null)
                    : SigningIdentity.fromPem(certificate, key, secret);
        } finally {
            if (secret != null) {
                secret.destroy();
            }
        }
    }
}
