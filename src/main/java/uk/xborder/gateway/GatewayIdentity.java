package uk.xborder.gateway;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.settings.IdentitySettings;
import uk.xborder.gateway.settings.SecretSetting;

/**
 * Loads an identity from settings given as text, for callers that still read raw settings (the auditor's command
 * line); the gateway itself uses {@link IdentitySettings} from {@code GatewaySettings}.
 */
public final class GatewayIdentity {

    private GatewayIdentity() {
    }

    public static SigningIdentity load(String certificatePem, String keyPem, String pkcs12, String passwordEnv,
                                       String passwordFile) throws IOException, GeneralSecurityException {
        SecretSetting password = new SecretSetting("identity.password", passwordEnv,
                passwordFile.isBlank() ? null : Path.of(passwordFile));
        IdentitySettings identity = pkcs12.isBlank()
                ? new IdentitySettings(Path.of(certificatePem), Path.of(keyPem), null, password)
                : new IdentitySettings(null, null, Path.of(pkcs12), password);
        return identity.load();
    }
}
