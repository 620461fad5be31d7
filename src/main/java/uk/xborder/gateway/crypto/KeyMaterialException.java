package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;

/**
 * A key or certificate could not be loaded or does not fit: a wrong password, a corrupt or unsupported file, a
 * private key that does not belong to its certificate. The message names the file and what is wrong, never a
 * password or key bytes.
 */
public class KeyMaterialException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
