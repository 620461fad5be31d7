package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;

/**
 * A signed message, or the certificate that signed it, did not pass verification. Catch this to handle every
 * case; catch a subtype to tell them apart (each maps to its own reason for the sender and the audit log).
 */
public class CmsVerificationException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    protected CmsVerificationException(String message) {
        super(message);
    }

    protected CmsVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
