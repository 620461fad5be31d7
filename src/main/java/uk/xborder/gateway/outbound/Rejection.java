package uk.xborder.gateway.outbound;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Keeps what could not be delivered: the original, exactly as the agency sent it, goes into the exchange store
 * (sealed), and the holding queue gets a notice of it, with the exchange reference and the reason in its headers and
 * no content: refused messages for gw.rejected, messages the gateway failed on for gw.failed. Nothing leaves the
 * pipeline without a trace.
 */
public final class Rejection {

    private static final Logger LOG = LoggerFactory.getLogger(Rejection.class);

    private final Admission admission;
    private final OutboundAudit audit;
    private final OutboundExchanges exchanges;

    public Rejection(Admission admission, OutboundAudit audit, OutboundExchanges exchanges) {
        this.admission = admission;
        this.audit = audit;
        this.exchanges = exchanges;
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
        String reference = exchanges.wholeMessage(message, ExchangeState.REJECTED, why.reason(), why.explanation());
        notice(exchange, message, List.of(reference), why.reason(), why.explanation());
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
        String reference = exchanges.wholeMessage(message, ExchangeState.FAILED, ReasonCode.INTERNAL_ERROR,
                explanation);
        notice(exchange, message, List.of(reference), ReasonCode.INTERNAL_ERROR, explanation);
    }

    /**
     * Some recipients were refused: the original is kept for each, so that it can be sent to them once the cause is
     * fixed. One notice names them all, with their references in the same order.
     */
    public void keepForRefusedRecipients(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        List<RecipientResult> refusals = message.results().stream()
                .filter(r -> r.outcome() == RecipientOutcome.REJECTED).toList();
        List<String> references = refusals.stream().map(refusal -> exchanges.refused(message, refusal)).toList();
        RecipientResult first = refusals.get(0);
        notice(exchange, message, references, first.reason(), first.explanation());
        exchange.getMessage().setHeader(GatewayHeaders.REFUSED_RECIPIENTS, refusals.stream()
                .map(r -> r.partyId() + ":" + r.reason()).collect(Collectors.joining(",")));
    }

    /** What the holding queue gets: the references as the body, the reason in headers, never the content. */
    private static void notice(Exchange exchange, OutboundMessage message, List<String> references,
                               ReasonCode reason, String explanation) {
        Message kept = exchange.getMessage();
        kept.removeHeaders("*");
        String joined = String.join(",", references);
        kept.setBody(joined);
        kept.setHeader(GatewayHeaders.EXCHANGE_REFERENCE, joined);
        kept.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        kept.setHeader(GatewayHeaders.AGENCY, message.agency().id());
        kept.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, message.transportMessageId());
        message.messageId().ifPresent(id -> kept.setHeader(GatewayHeaders.MESSAGE_ID, id));
        kept.setHeader(GatewayHeaders.REASON_CODE, reason.name());
        kept.setHeader(GatewayHeaders.EXPLANATION, explanation);
    }
}
