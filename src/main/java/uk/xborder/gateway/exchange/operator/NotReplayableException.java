package uk.xborder.gateway.exchange.operator;

/**
 * Thrown by a {@link ContentReplay} that finds, before it sends anything, that this content cannot be sent again
 * (say, a dead letter whose original address only an agency may send to). The operator is told NOT_REPLAYABLE with
 * the reason, not that the broker failed: asking again would not help.
 */
public final class NotReplayableException extends RuntimeException {

    public NotReplayableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
