package uk.xborder.gateway.exchange.operator;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditEventBuilder;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.exchange.StoredExchange;

/**
 * The operator's decisions in the trail of the exchange they concern: who (the actor), why (the justification: the
 * reason they gave) and what (the explanation, which names the exchange reference). Each event's key holds the
 * exchange's version when it was decided, so every decision is recorded, and recording the same one again changes
 * nothing.
 */
final class OperatorAudit {

    private final AuditTrail trail;
    private final Clock clock;

    OperatorAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void replayRequested(StoredExchange exchange, OperatorAction action, String how) {
        trail.record(event(Step.REPLAY_REQUESTED, exchange, action)
                .explanation("Replay of exchange reference " + exchange.reference() + " (" + exchange.direction()
                        + ", was " + exchange.state() + (exchange.reasonCode() == null ? ""
                        : " " + exchange.reasonCode()) + ")" + (action.force() ? ", forced" : "") + ": " + how)
                .build());
    }

    void refused(StoredExchange exchange, OperatorAction action, String what, Outcome outcome, String sentence) {
        // every request refused is on record, however many ask the same at the same version
        trail.record(event(Step.REPLAY_REFUSED, exchange, action).keyQualifier(exchange.reference() + "/"
                        + exchange.version() + "/" + UUID.randomUUID())
                .outcome(AuditOutcome.REFUSED, null, what + " of exchange reference " + exchange.reference()
                        + " refused, " + outcome + ": " + sentence)
                .build());
    }

    void discarded(StoredExchange exchange, OperatorAction action) {
        trail.record(event(Step.DISCARDED, exchange, action)
                .explanation("Exchange reference " + exchange.reference() + " (" + exchange.direction() + ", was "
                        + exchange.state() + (exchange.reasonCode() == null ? "" : " " + exchange.reasonCode())
                        + ") is discarded: it is not replayed.")
                .build());
    }

    private AuditEventBuilder event(Step step, StoredExchange exchange, OperatorAction action) {
        List<String> concerned = exchange.partner() == null ? List.of() : List.of(exchange.partner());
        return AuditEvent.of(step, exchange.exchangeId())
                .keyQualifier(exchange.reference() + "/" + exchange.version())
                .time(clock.instant()).actor(action.actor())
                .message(exchange.messageId(), null, List.of())
                .parties(exchange.agency(), concerned)
                .justification(action.reason());
    }
}
