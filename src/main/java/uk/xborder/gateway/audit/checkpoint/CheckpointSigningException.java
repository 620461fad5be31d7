package uk.xborder.gateway.audit.checkpoint;

/** A checkpoint could not be signed. The message names the tree size and key id, never key material. */
public final class CheckpointSigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CheckpointSigningException(String message) {
        super(message);
    }
}
