package uk.xborder.gateway.outbound;

import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Keeps what could not be delivered, exactly as the agency sent it, with the reason in its headers: refused messages
 * for gw.rejected, messages the gateway failed on for gw.failed. Nothing leaves the pipeline without a trace.
 */
public final class Rejection {

    private static final Logger LOG = LoggerFactory.getLogger(Rejection.class);

    private final Admission admission;
    private final OutboundAudit audit;

    public Rejection(Admission admission, OutboundAudit audit) {
        this.admission = admission;
        this.audit = audit;
    }

    /** The whole message is refused because of its input. */
    public void reject(Exchange exchange) {
        OutboundMessage message = admission.open(exchange);
        MessageRejectedException why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                MessageRejectedException.class);
        message.verdict(new OutboundMessage.Verdict(false, why.reason(), why.explanation()));
        audit.messageOutcome(message, Step.REJECTED, AuditOutcome.REJECTED, why.reason(), why.explanation());
        LOG.info("Rejected message from {} (exchange {}): {}", message.agency().id(), message.exchangeId(),
                why.reason());
        keepOriginal(exchange, message, why.reason(), why.explanation());
    }

    /** The gateway failed on the message; it is held for an operator. */
    public void hold(Exchange exchange) {
        OutboundMessage message = admission.open(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String explanation = "The gateway could not process the message ("
                + (cause == null ? "unknown fault" : cause.getClass().getSimpleName())
                + "); it is held for an operator, quote exchange " + message.exchangeId() + ".";
        message.verdict(new OutboundMessage.Verdict(true, ReasonCode.INTERNAL_ERROR, explanation));
        audit.messageOutcome(message, Step.HELD, AuditOutcome.FAILED, ReasonCode.INTERNAL_ERROR, explanation);
        // Operators need the cause; exception messages from the gateway's own code never carry message content.
        LOG.error("Holding message from {} (exchange {}) after an internal fault", message.agency().id(),
                message.exchangeId(), cause);
        keepOriginal(exchange, message, ReasonCode.INTERNAL_ERROR, explanation);
    }

    /** Some recipients were refused: keep the original so that it can be sent to them once the cause is fixed. */
    public void keepForRefusedRecipients(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        String refused = message.results().stream()
                .filter(r -> r.outcome() == RecipientOutcome.REJECTED)
                .map(r -> r.partyId() + ":" + r.reason())
                .collect(Collectors.joining(","));
        RecipientResult first = message.results().stream()
                .filter(r -> r.outcome() == RecipientOutcome.REJECTED).findFirst().orElseThrow();
        keepOriginal(exchange, message, first.reason(), first.explanation());
        exchange.getMessage().setHeader(GatewayHeaders.REFUSED_RECIPIENTS, refused);
    }

    private static void keepOriginal(Exchange exchange, OutboundMessage message, ReasonCode reason,
                                     String explanation) {
        Message kept = exchange.getMessage();
        kept.removeHeaders("*");
        kept.setBody(message.originalBody());
        kept.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        kept.setHeader(GatewayHeaders.AGENCY, message.agency().id());
        kept.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, message.transportMessageId());
        message.messageId().ifPresent(id -> kept.setHeader(GatewayHeaders.MESSAGE_ID, id));
        kept.setHeader(GatewayHeaders.REASON_CODE, reason.name());
        kept.setHeader(GatewayHeaders.EXPLANATION, explanation);
    }
}
