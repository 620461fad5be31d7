package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Turns the steps of an outbound exchange into audit events, filling in everything the log requires from the
 * exchange's state so that each step states only what it did.
 */
public final class OutboundAudit {

    private static final String ACTOR = "gateway/outbound";

    private final AuditTrail trail;
    private final Clock clock;

    public OutboundAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** A step that concerns the whole message. */
    public void step(OutboundMessage message, String step, AuditOperation operation, String payloadDigest) {
        List<String> recipients = message.facts().map(MessageFacts::recipients).orElse(List.of());
        record(message, step, null, operation, AuditOutcome.SUCCESS, null, null, recipients, payloadDigest);
    }

    /** A step that concerns one recipient. */
    public void recipientStep(OutboundMessage message, String recipient, String step, AuditOperation operation,
                              String payloadDigest) {
        record(message, step, recipient, operation, AuditOutcome.SUCCESS, null, null, List.of(recipient),
                payloadDigest);
    }

    /** One recipient refused or failed. */
    public void recipientOutcome(OutboundMessage message, String recipient, String step, AuditOperation operation,
                                 AuditOutcome outcome, ReasonCode reason, String explanation) {
        record(message, step, recipient, operation, outcome, reason, explanation, List.of(recipient),
                message.originalDigest());
    }

    /** The whole message refused or held. */
    public void messageOutcome(OutboundMessage message, String step, AuditOutcome outcome, ReasonCode reason,
                               String explanation) {
        List<String> recipients = message.facts().map(MessageFacts::recipients).orElse(List.of());
        record(message, step, null, AuditOperation.COLLECTION, outcome, reason, explanation, recipients,
                message.originalDigest());
    }

    private void record(OutboundMessage message, String step, String recipient, AuditOperation operation,
                        AuditOutcome outcome, ReasonCode reason, String explanation, List<String> recipients,
                        String payloadDigest) {
        MessageFacts facts = message.facts().orElse(null);
        String key = message.exchangeId() + "/" + step + (recipient == null ? "" : "/" + recipient);
        trail.record(new AuditEvent(key, clock.instant(), message.exchangeId(),
                message.messageId().orElse(null),
                facts == null ? null : facts.correlationId(),
                facts == null ? List.of() : facts.caseReferences(),
                step, operation, outcome, reason, explanation, ACTOR, message.agency().id(), recipients,
                facts == null ? null : facts.marking().toString(),
                facts == null ? null : facts.handling(),
                facts == null ? null : facts.legalBasis(),
                facts == null ? null : facts.purpose(),
                payloadDigest));
    }
}
