package uk.xborder.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Keeps what was not delivered: the envelope, exactly as the partner sent it, goes into the exchange store (sealed),
 * and the holding queue gets a notice of it, with the exchange reference and the reason in its headers and no
 * content: refused envelopes for gw.rejected, envelopes the gateway failed on for gw.failed. Nothing leaves the
 * pipeline without a trace.
 */
public final class InboundRejection {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRejection.class);

    private final InboundAdmission admission;
    private final InboundAudit audit;
    private final InboundExchanges exchanges;

    public InboundRejection(InboundAdmission admission, InboundAudit audit, InboundExchanges exchanges) {
        this.admission = admission;
        this.audit = audit;
        this.exchanges = exchanges;
    }

    /** The envelope is refused because of what it is. */
    public void reject(Exchange exchange) {
        InboundMessage message = admission.open(exchange);
        MessageRejectedException why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                MessageRejectedException.class);
        audit.outcome(message, Step.REJECTED, AuditOutcome.REJECTED, why.reason(), why.explanation());
        LOG.info("Refused envelope (exchange {}): {}", message.exchangeId(), why.reason());
        String reference = exchanges.held(message, ExchangeState.REJECTED, why.reason(), why.explanation());
        notice(exchange, message, reference, why.reason(), why.explanation());
    }

    /** The gateway failed on the envelope; it is held for an operator. */
    public void hold(Exchange exchange) {
        InboundMessage message = admission.open(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String fault = cause == null ? "unknown fault" : cause.getClass().getSimpleName();
        String explanation = message.isDeliveredToAgency()
                ? "The gateway failed (" + fault + ") after the agency's queue had the message, which it keeps; "
                        + "held for an operator, quote exchange " + message.exchangeId() + "."
                : "The gateway could not process the envelope (" + fault + "); it is held for an operator, quote "
                        + "exchange " + message.exchangeId() + ".";
        audit.outcome(message, Step.HELD, AuditOutcome.FAILED, ReasonCode.INTERNAL_ERROR, explanation);
        // Operators need the cause; exception messages from the gateway's own code never carry message content.
        LOG.error("Holding envelope (exchange {}) after an internal fault", message.exchangeId(), cause);
        String reference = exchanges.held(message, ExchangeState.FAILED, ReasonCode.INTERNAL_ERROR, explanation);
        notice(exchange, message, reference, ReasonCode.INTERNAL_ERROR, explanation);
    }

    /**
     * The gateway failed after the agency's copy was sent and before its receipt was recorded: the route rolls the
     * whole transaction back (the copy with it) and the envelope is redelivered. Recorded, because the store and the
     * audit log (outside that transaction) already say DELIVERED: this says it was undone. No notice: nothing is
     * held on gw.failed while the broker still redelivers it (and parks it on gw.dlq if it keeps failing).
     */
    public void rolledBack(Exchange exchange) {
        InboundMessage message = admission.open(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String explanation = "The gateway failed (" + (cause == null ? "unknown fault" : cause.getClass()
                .getSimpleName()) + ") after the agency's copy was sent and before its receipt was recorded: "
                + "rolled back, the copy with it, to be redelivered; it is parked on gw.dlq if it keeps failing.";
        audit.outcome(message, Step.HELD, AuditOutcome.FAILED, ReasonCode.INTERNAL_ERROR, explanation);
        LOG.warn("Rolled back envelope (exchange {}) after an internal fault past the agency's copy",
                message.exchangeId(), cause);
        exchanges.held(message, ExchangeState.FAILED, ReasonCode.INTERNAL_ERROR, explanation);
    }

    /** What the holding queue gets: the reference as the body, the reason in headers, never the content. */
    private static void notice(Exchange exchange, InboundMessage message, String reference, ReasonCode reason,
                               String explanation) {
        Message kept = exchange.getMessage();
        kept.removeHeaders("*");
        kept.setBody(reference);
        kept.setHeader(GatewayHeaders.EXCHANGE_REFERENCE, reference);
        kept.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        kept.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, message.transportMessageId());
        message.messageId().ifPresent(id -> kept.setHeader(GatewayHeaders.MESSAGE_ID, id));
        message.claimed().from().ifPresent(from -> kept.setHeader(GatewayHeaders.SENDER, from));
        message.agency().ifPresent(agency -> kept.setHeader(GatewayHeaders.AGENCY, agency.id()));
        kept.setHeader(GatewayHeaders.REASON_CODE, reason.name());
        kept.setHeader(GatewayHeaders.EXPLANATION, explanation);
    }
}
