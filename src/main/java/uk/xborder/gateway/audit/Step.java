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
    /** Preparation or delivery for this recipient failed after retries; what was prepared is held. */
    DELIVERY_FAILED(AuditOperation.DISCLOSURE),
    /** The whole message was refused because of its input. */
    REJECTED(AuditOperation.COLLECTION),
    /** The gateway failed on the whole message; it is held for an operator. */
    HELD(AuditOperation.COLLECTION),
    /** The agency was told the outcome on its status queue. */
    STATUS_ISSUED(AuditOperation.DISCLOSURE),

    // Readings of the audit log through the API (routes/audit-api.yaml), by the endpoint read.
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
    API_REQUESTS(AuditOperation.CONSULTATION);

    private final AuditOperation operation;

    Step(AuditOperation operation) {
        this.operation = operation;
    }

    /** The processing operation this step performs, as the log records it. */
    public AuditOperation operation() {
        return operation;
    }
}
