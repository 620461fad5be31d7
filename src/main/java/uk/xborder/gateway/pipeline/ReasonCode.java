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
    /** A request for information is marked urgent but gives no reasons for the urgency (Directive (EU) 2023/977 Art. 4). */
    URGENCY_WITHOUT_REASONS,
    /** The material was received from a partner under a handling code that forbids passing it on to this recipient. */
    ONWARD_DISSEMINATION_FORBIDDEN,
    /** The recipient's certificate has expired or is not yet valid. */
    PARTNER_CERTIFICATE_EXPIRED,
    /** The recipient's certificate is on its issuer's revocation list. */
    PARTNER_CERTIFICATE_REVOKED,
    /** The recipient's certificate does not chain to the trust anchor configured for it, or its revocation status is unknown. */
    PARTNER_CERTIFICATE_UNTRUSTED,
    /** The recipient's certificate cannot be used for this purpose (key usage) or cannot be read. */
    PARTNER_CERTIFICATE_INVALID,
    /** A transport envelope that is not well-formed or breaks the envelope schema. */
    MALFORMED_ENVELOPE,
    /** The envelope's sender is not a partner in the directory. */
    UNKNOWN_PARTNER,
    /** The envelope's addressee is none of this gateway's agencies. */
    UNKNOWN_ADDRESSEE,
    /** The payload is not encrypted for any key this gateway holds. */
    NOT_ENCRYPTED_FOR_US,
    /** The payload cannot be decrypted or fails its authentication tag: it was altered on the way. */
    CIPHERTEXT_TAMPERED,
    /** The decrypted payload is not signed. */
    UNSIGNED_CONTENT,
    /** The signature does not match the signed content. */
    SIGNATURE_INVALID,
    /** The signer's certificate does not chain to the sender's trust anchor, or its revocation status is unknown. */
    SIGNER_UNTRUSTED,
    /** The signer's certificate was expired or not yet valid when it signed, or is now. */
    SIGNER_CERTIFICATE_EXPIRED,
    /** The signer's certificate is revoked. */
    SIGNER_CERTIFICATE_REVOKED,
    /** The payload is validly signed, but not by the partner the envelope names as its sender. */
    SIGNER_NOT_SENDER,
    /** The envelope's clear header disagrees with the signed content (message id, sender, addressee or format). */
    HEADER_MISMATCH,
    /** The content is in a format other than the one agreed with this partner. */
    UNEXPECTED_FORMAT,
    /** The envelope was sent longer ago than the gateway accepts: a replay of an old message. */
    STALE_MESSAGE,
    /**
     * The envelope came through a channel that belongs to a party other than its sender: an HTTPS client certificate,
     * or a queue on a partner's own broker.
     */
    CLIENT_NOT_SENDER,
    /** A receipt that is not well-formed or breaks the receipt schema. */
    MALFORMED_RECEIPT,
    /** A receipt that is not signed, or whose signature does not verify. */
    RECEIPT_SIGNATURE_INVALID,
    /** A receipt signed by someone other than the partner the exchange was sent to. */
    RECEIPT_SIGNER_NOT_PARTNER,
    /** A receipt for a message this gateway never sent to that partner. */
    RECEIPT_FOR_UNKNOWN_MESSAGE,
    /** A receipt whose digest is not that of the envelope payload sent. */
    RECEIPT_DIGEST_MISMATCH,
    /** The partner refused the message; its receipt gives the partner's reason. */
    REFUSED_BY_PARTNER,
    /** A caveat of the message's classification limits it to an audience the recipient is not part of. */
    CAVEAT_FORBIDS_RECIPIENT,
    /** The message carries a caveat the gateway does not know, so it cannot go to a recipient outside the UK. */
    UNKNOWN_CAVEAT,
    /**
     * The message was not put on the agency's queue by that agency's own broker user: the broker names another user
     * as its sender, or names none.
     */
    SENDER_NOT_AUTHENTICATED,
    /**
     * The message is not a JMS TextMessage or BytesMessage (an ObjectMessage, MapMessage, StreamMessage or a message
     * without a body): the gateway takes only text and bytes, and never reads or deserializes any other body.
     */
    UNSUPPORTED_MESSAGE_TYPE,
    /** No receipt came from the partner after every resend; the exchange failed. */
    NO_RECEIPT(false),
    /**
     * An HTTPS client was refused at the TLS handshake: no client certificate, one that does not chain to a partner's
     * trust anchor (or is revoked or expired), or a TLS version older than 1.2. Recorded in the audit log only: the
     * client never gets as far as sending an envelope.
     */
    TLS_HANDSHAKE_REFUSED,
    /**
     * The partner's endpoint refused the hand-over in a way that trying again would not change (an HTTP 4xx, a TLS
     * certificate that is not trusted, the partner's broker refusing the gateway): not retried; the envelope is held
     * for replay once the cause is put right. (A partner that takes the envelope and refuses its content answers
     * with a signed receipt instead: REFUSED_BY_PARTNER.)
     */
    DELIVERY_REFUSED(false),
    /**
     * The broker gave up delivering the message to the gateway (gateway.broker.max-delivery-attempts, each rolled
     * back by a fault of the gateway's) and parked it on gw.dlq; the gateway took it into the exchange store, sealed,
     * to be replayed to the address it came from or discarded. The explanation names that address and the delivery
     * count.
     */
    DEAD_LETTER(false),
    /**
     * A dead letter that names no original address (_AMQ_ORIG_ADDRESS): kept in the exchange store, sealed, but it
     * cannot be resent, as nothing says where to; an operator discards it or deals with it by hand.
     */
    DEAD_LETTER_UNADDRESSED(false),
    /**
     * A dead letter that is not a TextMessage or BytesMessage: its body is not read (never deserialized) and not
     * kept in the exchange store; the broker parks the message itself, untouched, on gw.dlq.unkept.
     */
    DEAD_LETTER_UNSUPPORTED_TYPE(false),
    /**
     * A dead letter larger than anything the gateway takes in: measured (length and SHA-256), not read into memory
     * and not kept in the exchange store; the broker parks the message itself, untouched, on gw.dlq.unkept.
     */
    DEAD_LETTER_TOO_LARGE(false),
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
