package uk.xborder.gateway.outbound;

/** What happened for one recipient of a message; the values appear in status notices. */
public enum RecipientOutcome {
    /** Delivered to the recipient's endpoint. */
    ACCEPTED,
    /** Refused by policy or because no safe translation exists. */
    REJECTED,
    /** Could not be delivered after retries; held for an operator to replay. */
    FAILED
}
