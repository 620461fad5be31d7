package uk.xborder.gateway.audit.checkpoint;

import java.security.GeneralSecurityException;

/**
 * A checkpoint, or the certificate meant to vouch for it, did not pass verification. Catch this for every case, or
 * a subtype to tell them apart. Messages name tree sizes, key ids and certificate subjects, never key material.
 */
public abstract class CheckpointVerificationException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    CheckpointVerificationException(String message) {
        super(message);
    }

    CheckpointVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
