package uk.xborder.gateway.pipeline;

/**
 * Why a message, or one recipient of it, was not delivered. These codes are part of the public status-notice
 * contract: agencies build on them, so a code is never renamed or reused for another meaning.
 *
 * <p>Most codes are refusals: something the sender can act on (fix the message, the marking, the recipient list).
 * The last two are the gateway's own faults: the message is held for an operator, never refused, so that the sender
 * is not told to change a message that was not at fault.
 */
public enum ReasonCode {
    /** The bytes are not well-formed XML. */
    MALFORMED_XML,
    /** The XML carries a DOCTYPE, an entity declaration or an external reference; these are never processed. */
    XML_DOCTYPE_FORBIDDEN,
    /** Well-formed XML that does not satisfy the sending agency's schema. */
    SCHEMA_INVALID,
    /**
     * A value the schema allows but the gateway cannot represent without changing it (for example a time of day
     * 24:00, a year after 9999, more than nine fraction digits of a second); the explanation names the field.
     */
    INVALID_VALUE,
    /** Larger than the configured message size limit. */
    MESSAGE_TOO_LARGE,
    /** The queue the message arrived on, or the sender named in it, is not a configured agency. */
    UNKNOWN_AGENCY,
    /** The message names a sender other than the agency whose queue it arrived on. */
    SENDER_MISMATCH,
    /** A recipient that is not in the partner directory. */
    UNKNOWN_RECIPIENT,
    /** No grading, handling or marking in the recipient's scheme preserves the original's protection. */
    NO_SAFE_MAPPING,
    /** The protective marking is above what the recipient is accredited to receive. */
    MARKING_ABOVE_ACCREDITATION,
    /** The handling code does not allow dissemination to this recipient. */
    HANDLING_FORBIDS_DISSEMINATION,
    /** A transfer outside the United Kingdom without a stated legal basis. */
    NO_LEGAL_BASIS,
    /** A message with this message id was already accepted from this agency. */
    DUPLICATE_MESSAGE,
    /** Signing, encryption or delivery failed after all retries; the envelope is held for replay. */
    DELIVERY_FAILED(false),
    /** An unexpected fault inside the gateway; the message is held and operators are alerted. */
    INTERNAL_ERROR(false);

    private final boolean refusal;

    ReasonCode() {
        this(true);
    }

    ReasonCode(boolean refusal) {
        this.refusal = refusal;
    }

    /**
     * True when the code refuses the sender's input (the sender can act on it); false for the gateway's own faults,
     * which are held for an operator and reported FAILED.
     */
    public boolean isRefusal() {
        return refusal;
    }
}
