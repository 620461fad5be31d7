package uk.xborder.gateway.audit.store;

/**
 * The audit store could not do what was asked: an event was not recorded, a read failed, or the stored log is not
 * what its signed checkpoints say. Messages name counts, sequence numbers and SQL states, never event content.
 */
public class AuditStoreException extends RuntimeException {

    public AuditStoreException(String message) {
        super(message);
    }

    public AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
