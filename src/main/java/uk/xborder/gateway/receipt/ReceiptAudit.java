package uk.xborder.gateway.receipt;

import java.time.Clock;
import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditEventBuilder;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Turns what happens to a delivery after it left - a receipt, a resend, a give-up - into audit events of its
 * exchange, one partner at a time, so that the exchange's trail goes on where the outbound route left it.
 */
final class ReceiptAudit {

    private static final String ACTOR = "gateway/receipts";

    private final AuditTrail trail;
    private final Clock clock;

    ReceiptAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** A step for the delivery to one partner; {@code qualifier} tells apart repeats of the step (null: none). */
    void step(AwaitingDelivery delivery, Step step, String qualifier, String explanation, String digest) {
        trail.record(event(delivery, step, qualifier).explanation(explanation).payloadDigest(digest).build());
    }

    /** A step that did not succeed for the delivery to one partner, with its reason. */
    void outcome(AwaitingDelivery delivery, Step step, String qualifier, AuditOutcome outcome, ReasonCode reason,
                 String explanation, String digest) {
        trail.record(event(delivery, step, qualifier).outcome(outcome, reason, explanation).payloadDigest(digest)
                .build());
    }

    /** A receipt refused before it could be matched to any delivery: an exchange of its own. */
    void unmatched(String exchangeId, Step step, String qualifier, ReasonCode reason, String explanation,
                   String digest) {
        trail.record(AuditEvent.of(step, exchangeId).keyQualifier(qualifier).time(clock.instant()).actor(ACTOR)
                .outcome(AuditOutcome.REJECTED, reason, explanation).payloadDigest(digest).build());
    }

    private AuditEventBuilder event(AwaitingDelivery delivery, Step step, String qualifier) {
        String key = qualifier == null ? delivery.partner() : delivery.partner() + "/" + qualifier;
        return AuditEvent.of(step, delivery.exchangeId()).keyQualifier(key).time(clock.instant()).actor(ACTOR)
                .message(delivery.messageId(), null, List.of())
                .parties(delivery.agency(), List.of(delivery.partner()));
    }
}
