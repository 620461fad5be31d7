package uk.xborder.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Keeps what was not delivered, exactly as the partner sent it, with the reason in its headers: refused envelopes
 * for gw.rejected, envelopes the gateway failed on for gw.failed. Nothing leaves the pipeline without a trace.
 */
public final class InboundRejection {

    private static final Logger LOG = LoggerFactory.getLogger(InboundRejection.class);

    private final InboundAdmission admission;
    private final InboundAudit audit;

    public InboundRejection(InboundAdmission admission, InboundAudit audit) {
        this.admission = admission;
        this.audit = audit;
    }

    /** The envelope is refused because of what it is. */
    public void reject(Exchange exchange) {
        InboundMessage message = admission.open(exchange);
        MessageRejectedException why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                MessageRejectedException.class);
        audit.outcome(message, Step.REJECTED, AuditOutcome.REJECTED, why.reason(), why.explanation());
        LOG.info("Refused envelope (exchange {}): {}", message.exchangeId(), why.reason());
        keepOriginal(exchange, message, why.reason(), why.explanation());
    }

    /** The gateway failed on the envelope; it is held for an operator. */
    public void hold(Exchange exchange) {
        InboundMessage message = admission.open(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String explanation = "The gateway could not process the envelope ("
                + (cause == null ? "unknown fault" : cause.getClass().getSimpleName())
                + "); it is held for an operator, quote exchange " + message.exchangeId() + ".";
        audit.outcome(message, Step.HELD, AuditOutcome.FAILED, ReasonCode.INTERNAL_ERROR, explanation);
        // Operators need the cause; exception messages from the gateway's own code never carry message content.
        LOG.error("Holding envelope (exchange {}) after an internal fault", message.exchangeId(), cause);
        keepOriginal(exchange, message, ReasonCode.INTERNAL_ERROR, explanation);
    }

    private static void keepOriginal(Exchange exchange, InboundMessage message, ReasonCode reason,
                                     String explanation) {
        Message kept = exchange.getMessage();
        kept.removeHeaders("*");
        kept.setBody(message.originalBody());
        kept.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        kept.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, message.transportMessageId());
        message.messageId().ifPresent(id -> kept.setHeader(GatewayHeaders.MESSAGE_ID, id));
        message.claimed().from().ifPresent(from -> kept.setHeader(GatewayHeaders.SENDER, from));
        message.agency().ifPresent(agency -> kept.setHeader(GatewayHeaders.AGENCY, agency.id()));
        kept.setHeader(GatewayHeaders.REASON_CODE, reason.name());
        kept.setHeader(GatewayHeaders.EXPLANATION, explanation);
    }
}
