package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditEventBuilder;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
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
    public void step(OutboundMessage message, Step step, String payloadDigest) {
        trail.record(event(message, step).parties(message.agency().id(), allRecipients(message))
                .payloadDigest(payloadDigest).build());
    }

    /** A step that concerns the whole message, with a sentence about it. */
    public void step(OutboundMessage message, Step step, String payloadDigest, String explanation) {
        trail.record(event(message, step).parties(message.agency().id(), allRecipients(message))
                .explanation(explanation).payloadDigest(payloadDigest).build());
    }

    /** A step that concerns one recipient. */
    public void recipientStep(OutboundMessage message, String recipient, Step step, String payloadDigest) {
        trail.record(forRecipient(message, recipient, step).payloadDigest(payloadDigest).build());
    }

    /** One recipient refused or failed. */
    public void recipientOutcome(OutboundMessage message, String recipient, Step step, AuditOutcome outcome,
                                 ReasonCode reason, String explanation) {
        trail.record(forRecipient(message, recipient, step).outcome(outcome, reason, explanation)
                .payloadDigest(message.originalDigest()).build());
    }

    /** The whole message refused or held. */
    public void messageOutcome(OutboundMessage message, Step step, AuditOutcome outcome, ReasonCode reason,
                               String explanation) {
        trail.record(event(message, step).parties(message.agency().id(), allRecipients(message))
                .outcome(outcome, reason, explanation).payloadDigest(message.originalDigest()).build());
    }

    private AuditEventBuilder forRecipient(OutboundMessage message, String recipient, Step step) {
        return event(message, step).keyQualifier(recipient).parties(message.agency().id(), List.of(recipient));
    }

    /** What every event of the exchange says: when, by whom, and the message's identity and protection. */
    private AuditEventBuilder event(OutboundMessage message, Step step) {
        AuditEventBuilder event = AuditEvent.of(step, message.exchangeId()).time(clock.instant()).actor(ACTOR);
        MessageFacts facts = message.facts().orElse(null);
        if (facts == null) {
            return event.message(message.messageId().orElse(null), null, List.of());
        }
        return event.message(message.messageId().orElse(null), facts.correlationId(), facts.caseReferences())
                .protection(facts.marking().toString(), facts.handling(), facts.legalBasis())
                .justification(facts.purpose());
    }

    private static List<String> allRecipients(OutboundMessage message) {
        return message.facts().map(MessageFacts::recipients).orElse(List.of());
    }
}
