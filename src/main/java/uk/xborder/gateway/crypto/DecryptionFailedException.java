package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;

/**
 * A message could not be decrypted: malformed, not encrypted for us, outside the crypto profile, or altered (the
 * AES-GCM authentication tag did not verify). Nothing of the message is ever returned in that case. The message
 * of this exception says which, and never contains any part of the content.
 */
public class DecryptionFailedException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
