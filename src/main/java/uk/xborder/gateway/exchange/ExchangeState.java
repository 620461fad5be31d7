package uk.xborder.gateway.exchange;

/**
 * Where an exchange stands. The pipelines record what they observe (RECEIVED to ACKNOWLEDGED, REJECTED, FAILED);
 * operators move FAILED and REJECTED exchanges on (REPLAYED, DISCARDED) by compare-and-set; retention moves a
 * FAILED or REJECTED exchange whose replayable content it erased to EXPIRED.
 */
public enum ExchangeState {
    /** Inbound: the envelope was taken in. */
    RECEIVED,
    /** Outbound: the envelope for this recipient is being handed to its endpoint. */
    PROCESSING,
    /** Handed to the endpoint (outbound), or to the agency's queue (inbound). */
    DELIVERED,
    /** Outbound: the partner's signed receipt says it has the message. */
    ACKNOWLEDGED,
    /** Refused for its input, by policy, or by the partner; the reason code says which. Replayable. */
    REJECTED,
    /** The gateway could not complete it after its retries. Replayable. */
    FAILED,
    /** An operator replayed it. */
    REPLAYED,
    /** An operator discarded it. */
    DISCARDED,
    /** Its replayable content was erased by retention before anyone replayed or discarded it. */
    EXPIRED;

    /** True for the states an operator may replay or discard from. */
    public boolean awaitsOperator() {
        return this == REJECTED || this == FAILED;
    }
}
