package uk.xborder.gateway.inbound;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditEventBuilder;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Turns the steps of an inbound exchange into audit events, filling in what the log requires from the exchange's
 * state: the sender is the partner the envelope came from, the recipient the agency it is addressed to.
 */
public final class InboundAudit {

    private static final String ACTOR = "gateway/inbound";

    private final AuditTrail trail;
    private final Clock clock;

    public InboundAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** A step that went as it should, about the bytes with this digest. */
    public void step(InboundMessage message, Step step, String payloadDigest) {
        trail.record(event(message, step).payloadDigest(payloadDigest).build());
    }

    /** A step that went as it should, about the bytes with this digest, with a sentence saying more. */
    public void step(InboundMessage message, Step step, String payloadDigest, String explanation) {
        trail.record(event(message, step).payloadDigest(payloadDigest).explanation(explanation).build());
    }

    /** The exchange refused or held. */
    public void outcome(InboundMessage message, Step step, AuditOutcome outcome, ReasonCode reason,
                        String explanation) {
        trail.record(event(message, step).outcome(outcome, reason, explanation)
                .payloadDigest(message.originalDigest()).build());
    }

    /** What every event of the exchange says: when, by whom, from and to whom, and the message's protection. */
    private AuditEventBuilder event(InboundMessage message, Step step) {
        AuditEventBuilder event = AuditEvent.of(step, message.exchangeId()).time(clock.instant()).actor(ACTOR)
                .parties(sender(message), addressee(message));
        MessageFacts facts = message.facts().orElse(null);
        if (facts == null) {
            return event.message(message.messageId().orElse(null), null, List.of());
        }
        return event.message(facts.messageId(), facts.correlationId(), facts.caseReferences())
                .protection(facts.marking().toString(), facts.handling(), facts.legalBasis())
                .justification(facts.purpose());
    }

    private static String sender(InboundMessage message) {
        return message.partner().map(Partner::id).or(() -> message.claimed().from()).orElse(null);
    }

    private static List<String> addressee(InboundMessage message) {
        Optional<String> to = message.agency().map(Agency::id).or(() -> message.claimed().to());
        return to.map(List::of).orElse(List.of());
    }
}
