package uk.xborder.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * One step of one exchange, as the audit log keeps it. Carries who, what, when, to whom and why — never message
 * content: the payload is represented by its digest only.
 *
 * <p>Codes (step, operation, outcome, reason) are kept as the strings the log holds, not as Java enums: the log
 * outlives any release of this code, and an entry whose code no release knows (an old one, or one altered in the
 * database) must still be read, hashed and reported, never fail to decode. New events are made with
 * {@link #of(Step, String)}, which takes the codes typed.
 *
 * @param eventKey        stable identity of this event: the same step of the same exchange always has the same key,
 *                        so a step recorded again after a redelivery can be collapsed into one entry
 * @param time            when the step happened
 * @param exchangeId      the gateway's id for this exchange (stable across redeliveries)
 * @param messageId       the sender's message id, if it could be read
 * @param correlationId   correlation / in-reply-to, if any
 * @param caseReferences  case references, if any
 * @param step            the step ({@link Step} names)
 * @param operation       the data-protection operation the step performs ({@link AuditOperation} names)
 * @param outcome         how the step ended ({@link AuditOutcome} names)
 * @param reason          the reason code when the outcome is not SUCCESS ({@link ReasonCode} names)
 * @param explanation     a sentence explaining the outcome, free of message content
 * @param actor           the gateway component (or, for people, the user) that performed the step
 * @param sender          the sending agency
 * @param recipients      the recipients the step concerns
 * @param marking         the protective marking, e.g. {@code UK_GSC OFFICIAL-SENSITIVE}
 * @param handling        the handling code, e.g. {@code UK_3X5X2 P}
 * @param legalBasis      the stated legal basis for transfer, if any
 * @param justification   the purpose or justification given for the processing
 * @param payloadDigest   SHA-256 of the bytes this step concerns, hex
 */
public record AuditEvent(String eventKey, Instant time, String exchangeId, String messageId, String correlationId,
                         List<String> caseReferences, String step, String operation, String outcome,
                         String reason, String explanation, String actor, String sender, List<String> recipients,
                         String marking, String handling, String legalBasis, String justification,
                         String payloadDigest) {

    public AuditEvent {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(exchangeId, "exchangeId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        caseReferences = caseReferences == null ? List.of() : List.copyOf(caseReferences);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A new event for a step of an exchange; see {@link AuditEventBuilder} for what else it can say. */
    public static AuditEventBuilder of(Step step, String exchangeId) {
        return new AuditEventBuilder(step, exchangeId);
    }

    /** The same event at another time (e.g. truncated to the precision the log keeps). */
    public AuditEvent at(Instant otherTime) {
        return new AuditEvent(eventKey, otherTime, exchangeId, messageId, correlationId, caseReferences, step,
                operation, outcome, reason, explanation, actor, sender, recipients, marking, handling, legalBasis,
                justification, payloadDigest);
    }
}
