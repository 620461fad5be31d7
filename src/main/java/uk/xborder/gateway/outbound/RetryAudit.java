package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.util.List;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditEventBuilder;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * The audit events of the attempts to hand an envelope to a partner, on the exchange's trail: each failed attempt
 * ({@code DELIVERY_ATTEMPT_FAILED}, keyed by its number), each later attempt's release before it leaves
 * ({@code RELEASED}, keyed by its number), and the delivery or the failure that ends them, under the keys the
 * first attempt would have used (one {@code DELIVERED} or {@code DELIVERY_FAILED} per recipient, however many
 * attempts it took). Endpoints and kinds of failure, never content.
 */
final class RetryAudit {

    private static final String ACTOR = "gateway/retries";

    private final AuditTrail trail;
    private final Clock clock;

    RetryAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void attemptFailed(PendingDelivery delivery, String explanation, String digest) {
        trail.record(event(delivery, Step.DELIVERY_ATTEMPT_FAILED, attempt(delivery))
                .outcome(AuditOutcome.FAILED, null, explanation).payloadDigest(digest).build());
    }

    void released(PendingDelivery delivery, String digest) {
        trail.record(event(delivery, Step.RELEASED, attempt(delivery)).explanation("Attempt " + delivery.attempt()
                + (delivery.replay() == 0 ? "" : " of replay " + delivery.replay()) + " to '" + delivery.endpoint()
                + "'.").payloadDigest(digest).build());
    }

    void delivered(PendingDelivery delivery, String digest) {
        trail.record(event(delivery, Step.DELIVERED, round(delivery)).explanation("Delivered to '"
                + delivery.endpoint() + "' at attempt " + delivery.attempt()
                + (delivery.replay() == 0 ? "" : " of replay " + delivery.replay()) + ".").payloadDigest(digest)
                .build());
    }

    void failed(PendingDelivery delivery, ReasonCode reason, String explanation, String digest) {
        trail.record(event(delivery, Step.DELIVERY_FAILED, round(delivery)).outcome(AuditOutcome.FAILED, reason, explanation)
                .payloadDigest(digest).build());
    }

    private static String attempt(PendingDelivery delivery) {
        return delivery.attemptLabel();
    }

    /** A replay's outcome is its own event; the delivery's own attempts end in the one the first would have had. */
    private static String round(PendingDelivery delivery) {
        return delivery.replay() == 0 ? null : "replay-" + delivery.replay();
    }

    private AuditEventBuilder event(PendingDelivery delivery, Step step, String qualifier) {
        String key = qualifier == null ? delivery.recipient() : delivery.recipient() + "/" + qualifier;
        return AuditEvent.of(step, delivery.exchangeId()).keyQualifier(key).time(clock.instant()).actor(ACTOR)
                .message(delivery.messageId(), null, List.of())
                .parties(delivery.agency(), List.of(delivery.recipient()));
    }
}
