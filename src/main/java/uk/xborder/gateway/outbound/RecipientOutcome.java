package uk.xborder.gateway.outbound;

/** What happened for one recipient of a message; the values appear in status notices. */
public enum RecipientOutcome {
    /** Delivered to the recipient's endpoint. */
    ACCEPTED,
    /** Refused by policy or because no safe translation exists. */
    REJECTED,
    /**
     * The hand-over failed for a reason that may pass; the sealed envelope waits on the partner's retry queue and
     * is tried again off the agency's queue. A second notice gives the final outcome.
     */
    RETRYING,
    /** Could not be delivered after retries; held for an operator to replay. */
    FAILED;

    /** Delivered, or taken in charge to be delivered: what makes a message ACCEPTED for that recipient. */
    public boolean isTakenInCharge() {
        return this == ACCEPTED || this == RETRYING;
    }
}
