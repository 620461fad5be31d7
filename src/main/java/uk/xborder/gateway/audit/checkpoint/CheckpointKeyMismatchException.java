package uk.xborder.gateway.audit.checkpoint;

/** The checkpoint names a key id other than the audit certificate's: it was not signed with the audit key. */
public final class CheckpointKeyMismatchException extends CheckpointVerificationException {

    private static final long serialVersionUID = 1L;

    CheckpointKeyMismatchException(String message) {
        super(message);
    }
}
