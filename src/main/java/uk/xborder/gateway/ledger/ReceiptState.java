package uk.xborder.gateway.ledger;

/** Where a delivery to a partner stands with respect to the partner's receipt. */
public enum ReceiptState {
    /** Sent; no receipt yet. Sent again when overdue, until the partner's resend attempts run out. */
    AWAITING,
    /**
     * The hand-over failed for a reason that may pass and waits for its next attempt: a receipt may still close it,
     * but it is never sent again for want of one (it may never have arrived).
     */
    RETRYING,
    /** The partner's signed receipt says it has the message. */
    ACKNOWLEDGED,
    /** The partner's signed receipt says it refused the message, with its reason. */
    REFUSED_BY_PARTNER,
    /** No receipt came after every resend (NO_RECEIPT), or the hand-over itself failed (DELIVERY_FAILED). */
    FAILED;

    /** True once a receipt or the gateway has decided the delivery; nothing changes it afterwards. */
    public boolean isClosed() {
        return this != AWAITING && this != RETRYING;
    }
}
