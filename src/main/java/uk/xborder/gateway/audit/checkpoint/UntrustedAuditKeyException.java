package uk.xborder.gateway.audit.checkpoint;

/**
 * The certificate offered as the audit key cannot vouch for checkpoints: it does not chain to a trust anchor, is
 * expired or revoked (the cause says which), or is not an audit-log signing certificate at all.
 */
public final class UntrustedAuditKeyException extends CheckpointVerificationException {

    private static final long serialVersionUID = 1L;

    UntrustedAuditKeyException(String message) {
        super(message);
    }

    UntrustedAuditKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
