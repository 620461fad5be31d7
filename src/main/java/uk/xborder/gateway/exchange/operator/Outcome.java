package uk.xborder.gateway.exchange.operator;

/**
 * How an operator's replay or discard of one exchange ended: done, or refused with a code of its own, each with the
 * HTTP status the API answers it with when it is the only exchange asked about.
 */
public enum Outcome {
    /** Sent again; the exchange is REPLAYED until its new attempt records what became of it. */
    REPLAYED(200),
    /** Discarded: it is never replayed. */
    DISCARDED(200),
    /** No exchange has this reference. */
    UNKNOWN_EXCHANGE(404),
    /**
     * Delivered (or acknowledged) already, by this exchange or another way (a partner's envelope sent again and
     * delivered, a delivery a receipt closed meanwhile): replayed only when forced, and then still not twice.
     */
    DELIVERED_ALREADY(409),
    /** Another operator (or the pipeline) changed the exchange between reading and acting: nothing was done here. */
    CHANGED_MEANWHILE(409),
    /**
     * The exchange is still being processed, or a replay of its sealed envelope is in flight: neither replayed nor
     * discarded.
     */
    IN_PROCESSING(409),
    /**
     * Replayed already, and that replay became an exchange of its own (an agency's original or a partner's envelope
     * goes through its pipeline again as a new exchange with the same message id; a refused receipt is verified again
     * and closes the exchange it answers; a dead letter goes back to its queue): act on that, to replay or discard.
     */
    REPLAYED_ALREADY(409),
    /** In a state that is not replayed (discarded, or a refusal that replaying cannot make right). */
    NOT_REPLAYABLE(409),
    /** Already finished with (delivered, acknowledged or discarded): not discarded. */
    NOT_DISCARDABLE(409),
    /** Retention erased the content it would be replayed from (EXPIRED). */
    CONTENT_ERASED(409),
    /** Nothing was kept to replay it from (too large to read, or not text or bytes). */
    NO_CONTENT(409),
    /** What was kept cannot be sent again by this gateway yet (no replay for its kind of content). */
    REPLAY_NOT_SUPPORTED(409),
    /** The replay could not be handed to the queue it goes through: the exchange is as it was. */
    NOT_SENT(503);

    private final int httpStatus;

    Outcome(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True when the exchange was replayed or discarded. */
    public boolean done() {
        return this == REPLAYED || this == DISCARDED;
    }
}
