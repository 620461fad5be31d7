package uk.xborder.gateway.audit;

/**
 * The steps an exchange (or a reading of the log) takes, each with the data-protection operation it performs. Each
 * appears in the log under its name, which is part of the auditors' contract: a step is never renamed, and a new
 * direction or capability adds steps here rather than naming them anywhere else.
 */
public enum Step {

    // One outbound exchange, in pipeline order (routes/outbound.camel.yaml).
    /** Taken off the agency's queue. */
    RECEIVED(AuditOperation.COLLECTION),
    /** Parsed without DOCTYPE, entities or external references. */
    WELL_FORMED(AuditOperation.COLLECTION),
    /** Valid against the sender's schema. */
    SCHEMA_VALID(AuditOperation.COLLECTION),
    /** Translated into the canonical model. */
    CANONICALISED(AuditOperation.ALTERATION),
    /** The sender named in the message is the queue's agency, and the message id is new. */
    SENDER_VERIFIED(AuditOperation.COLLECTION),
    /** Policy allows this recipient to have the message. */
    AUTHORISED(AuditOperation.DISCLOSURE),
    /** This recipient may not have the message (policy, or no safe translation). */
    REFUSED(AuditOperation.DISCLOSURE),
    /** Written in the recipient's format. */
    TRANSLATED(AuditOperation.ALTERATION),
    /** Signed with the gateway's key. */
    SIGNED(AuditOperation.ALTERATION),
    /** Encrypted for the recipient. */
    ENCRYPTED(AuditOperation.ALTERATION),
    /** Put in a transport envelope. */
    WRAPPED(AuditOperation.ALTERATION),
    /** About to leave for the recipient's endpoint: recorded before it leaves. */
    RELEASED(AuditOperation.DISCLOSURE),
    /** The recipient's endpoint took the envelope. */
    DELIVERED(AuditOperation.DISCLOSURE),
    /**
     * One attempt to hand the envelope to this recipient's endpoint failed: the endpoint, the kind of failure
     * (transient or permanent, and its class) and what happens next. One per failed attempt.
     */
    DELIVERY_ATTEMPT_FAILED(AuditOperation.DISCLOSURE),
    /** Preparation or delivery for this recipient failed after retries; what was prepared is held. */
    DELIVERY_FAILED(AuditOperation.DISCLOSURE),
    /** The whole message was refused because of its input. */
    REJECTED(AuditOperation.COLLECTION),
    /** The gateway failed on the whole message; it is held for an operator. */
    HELD(AuditOperation.COLLECTION),
    /** The agency was told the outcome on its status queue. */
    STATUS_ISSUED(AuditOperation.DISCLOSURE),

    // One inbound exchange, in pipeline order (routes/inbound.camel.yaml). Steps whose meaning is the same in both
    // directions (SCHEMA_VALID, CANONICALISED, AUTHORISED, TRANSLATED, DELIVERED, REJECTED, HELD) are shared.
    /** A transport envelope taken in from a partner. */
    INBOUND_RECEIVED(AuditOperation.COLLECTION),
    /** The envelope is well-formed, from a known partner, for one of our agencies, and not stale. */
    UNWRAPPED(AuditOperation.COLLECTION),
    /** The payload was decrypted with one of the gateway's keys. */
    DECRYPTED(AuditOperation.ALTERATION),
    /** The signature, the signer's chain, validity and revocation hold, and the signer is the sending partner. */
    SIGNATURE_VERIFIED(AuditOperation.COLLECTION),
    /** The clear header agrees with the signed content, which is in the format agreed with the partner. */
    HEADER_VERIFIED(AuditOperation.COLLECTION),
    /** A signed receipt was issued to the sending partner. */
    RECEIPT_ISSUED(AuditOperation.DISCLOSURE),
    /** A repeated envelope was answered with the receipt already issued for it, and not delivered again. */
    RECEIPT_REPEATED(AuditOperation.DISCLOSURE),

    // The HTTPS transport.
    /** A client of the inbound HTTPS endpoint was refused at the TLS handshake; no envelope was received. */
    HTTPS_CLIENT_REFUSED(AuditOperation.COLLECTION),

    // Receipts closing an outbound exchange, partner by partner (routes/receipts.camel.yaml).
    /** A partner's signed receipt was verified and taken in (also a second receipt, which changes nothing). */
    RECEIPT_RECEIVED(AuditOperation.COLLECTION),
    /** A receipt that cannot be accepted (malformed, unsigned, forged, unknown message, wrong digest); kept, ignored. */
    RECEIPT_REFUSED(AuditOperation.COLLECTION),
    /** The partner's receipt says it has the message: the exchange with that partner is closed. */
    ACKNOWLEDGED(AuditOperation.COLLECTION),
    /** The partner's receipt says it refused the message, with the partner's reason. */
    REFUSED_BY_PARTNER(AuditOperation.COLLECTION),
    /** No receipt in time: the same envelope was sent to the partner again. Recorded before it leaves. */
    RESENT(AuditOperation.DISCLOSURE),
    /** No receipt after every resend: the exchange with that partner failed and the envelope is held. */
    RECEIPT_OVERDUE(AuditOperation.COLLECTION),

    // Readings of the audit log through the API (routes/audit-api.camel.yaml, routes/requests-api.camel.yaml), by
    // the endpoint read.
    /** Entries searched. */
    API_SEARCH(AuditOperation.CONSULTATION),
    /** One exchange's trail read. */
    API_TRAIL(AuditOperation.CONSULTATION),
    /** An inclusion proof read. */
    API_PROOF(AuditOperation.CONSULTATION),
    /** The signed checkpoints read. */
    API_CHECKPOINTS(AuditOperation.CONSULTATION),
    /** Evidence exported. */
    API_EXPORT(AuditOperation.CONSULTATION),
    /** The whole live log verified. */
    API_VERIFY(AuditOperation.CONSULTATION),

    // Deadlines of requests for information (Directive (EU) 2023/977 Art. 5; package requests).
    /** A request for information passed through: its reply is due by the time in the explanation. */
    REQUEST_OPENED(AuditOperation.COLLECTION),
    /** A reply naming an open request in in-reply-to passed through: the request is answered. */
    REQUEST_CLOSED(AuditOperation.COLLECTION),
    /** Open or overdue requests read through the API. */
    API_REQUESTS(AuditOperation.CONSULTATION),

    // The exchange store (package exchange).
    /**
     * Retention erased what the exchange store kept to replay an exchange (its metadata and attempts stay); the
     * explanation names the exchange reference and the kind of content, never the content.
     */
    CONTENT_ERASED(AuditOperation.ERASURE),
    /**
     * A message the broker parked on gw.dlq was taken into the exchange store (content sealed, or, when it cannot be
     * kept, left to the broker on gw.dlq.unkept); the explanation names the original address and the delivery
     * count, never the content.
     */
    DEAD_LETTER_TAKEN(AuditOperation.COLLECTION),

    // Operators' decisions on exchanges the gateway could not complete (package exchange.operator), in the trail of
    // the exchange concerned: the actor is the operator (user:<name>), the justification the reason they gave.
    /**
     * An operator replayed this exchange: the explanation names the exchange reference, how it is sent again and, for
     * a replay forced past a delivery, that it was forced. Recorded once the replay is the only one (compare-and-set),
     * before anything is sent.
     */
    REPLAY_REQUESTED(AuditOperation.DISCLOSURE),
    /** An operator's replay or discard of this exchange was refused; the reason code and sentence say why. */
    REPLAY_REFUSED(AuditOperation.DISCLOSURE),
    /** An operator discarded this exchange: it is not replayed, and its content is left to retention. */
    DISCARDED(AuditOperation.COLLECTION),
    /** The exchange store's exchanges listed through the API. */
    API_EXCHANGES(AuditOperation.CONSULTATION),
    /** One exchange's record and attempts read through the API. */
    API_EXCHANGE(AuditOperation.CONSULTATION),
    /** The content kept to replay an exchange read through the API (message content: the justification says why). */
    API_EXCHANGE_CONTENT(AuditOperation.CONSULTATION),
    /** A replay asked for through the API (each exchange's own REPLAY_REQUESTED or REPLAY_REFUSED follows). */
    API_REPLAY(AuditOperation.CONSULTATION),
    /** A bulk replay's progress read through the API. */
    API_REPLAY_PROGRESS(AuditOperation.CONSULTATION),
    /** A discard asked for through the API (each exchange's own DISCARDED or REPLAY_REFUSED follows). */
    API_DISCARD(AuditOperation.CONSULTATION);

    private final AuditOperation operation;

    Step(AuditOperation operation) {
        this.operation = operation;
    }

    /** The processing operation this step performs, as the log records it. */
    public AuditOperation operation() {
        return operation;
    }
}
