package uk.xborder.gateway.exchange;

/** What the store keeps to replay an exchange. */
public enum ContentKind {
    /** The transport envelope as made for the partner: signed and encrypted for it alone. */
    SEALED_ENVELOPE,
    /** The agency's message exactly as it put it on its queue. */
    ORIGINAL_MESSAGE,
    /** A partner's transport envelope exactly as it arrived. */
    RECEIVED_ENVELOPE,
    /** A partner's receipt exactly as it arrived (one the gateway could not accept). */
    RECEIVED_RECEIPT,
    /**
     * A message the broker parked on gw.dlq, with what is needed to send it back where it came from: its original
     * address, its JMS properties and its body ({@code exchange.deadletter.DeadLetterContent}).
     */
    DEAD_LETTER
}
