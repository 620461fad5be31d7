package uk.xborder.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import uk.xborder.gateway.crypto.Secret;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * Loads one of the gateway's identities (its signing key, its audit key) as the settings describe it: a PKCS#12 keystore when one is named,
 * otherwise a PEM certificate and key. The password, if any, comes from an environment variable or a file and is
 * never part of the settings themselves.
 */
public final class GatewayIdentity {

    private GatewayIdentity() {
    }

    public static SigningIdentity load(String certificatePem, String keyPem, String pkcs12, String passwordEnv,
                                String passwordFile) throws IOException, GeneralSecurityException {
        Secret password = password(passwordEnv, passwordFile);
        if (!pkcs12.isBlank()) {
            return SigningIdentity.fromPkcs12(Path.of(pkcs12), password, null);
        }
        return SigningIdentity.fromPem(Path.of(certificatePem), Path.of(keyPem), password);
    }

    private static Secret password(String environmentVariable, String file) throws IOException {
        if (!environmentVariable.isBlank()) {
            return Secret.fromEnvironment(environmentVariable);
        }
        if (!file.isBlank()) {
            return Secret.fromFile(Path.of(file));
        }
        return null;
    }
}
