package uk.xborder.gateway.ledger;

/**
 * Another gateway node accepted the same message id, through another transport message, while this node was
 * processing it. The exchange must roll back (its deliveries with it) rather than be handled: redelivered, it is
 * refused as a duplicate.
 */
public class ConcurrentAcceptanceException extends RuntimeException {

    public ConcurrentAcceptanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
