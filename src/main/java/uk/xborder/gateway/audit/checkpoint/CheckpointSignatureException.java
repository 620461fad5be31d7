package uk.xborder.gateway.audit.checkpoint;

/**
 * The checkpoint's signature does not verify with the audit key: its size, root, time or key id were changed after
 * signing, or the signature is not the audit key's.
 */
public final class CheckpointSignatureException extends CheckpointVerificationException {

    private static final long serialVersionUID = 1L;

    CheckpointSignatureException(String message) {
        super(message);
    }
}
