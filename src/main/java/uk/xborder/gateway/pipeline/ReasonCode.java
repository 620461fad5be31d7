package uk.xborder.gateway.pipeline;

/**
 * Why a message, or one recipient of it, was not delivered. These codes are part of the public status-notice
 * contract: agencies build on them, so a code is never renamed or reused for another meaning.
 */
public enum ReasonCode {
    /** The bytes are not well-formed XML. */
    MALFORMED_XML,
    /** The XML carries a DOCTYPE, an entity declaration or an external reference; these are never processed. */
    XML_DOCTYPE_FORBIDDEN,
    /** Well-formed XML that does not satisfy the sending agency's schema. */
    SCHEMA_INVALID,
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
    DELIVERY_FAILED,
    /** An unexpected fault inside the gateway; the message is held and operators are alerted. */
    INTERNAL_ERROR
}
