package uk.xborder.gateway.outbound;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.DeliveryFailure;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * What happens when one recipient cannot be served: a refusal (no safe translation) is recorded like a policy
 * refusal; a failure (signing, encryption or delivery still failing after retries) is recorded, what was prepared is
 * kept in the exchange store to replay, and the failed queue gets a notice of it. Each failed attempt on the way is
 * recorded too. Either way the other recipients go on.
 */
public final class RecipientFailures {

    private final OutboundAudit audit;
    private final OutboundExchanges exchanges;

    public RecipientFailures(OutboundAudit audit, OutboundExchanges exchanges) {
        this.audit = audit;
        this.exchanges = exchanges;
    }

    public void refused(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        String recipient = exchange.getProperty(ExchangeProperties.RECIPIENT, String.class);
        MessageRejectedException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                MessageRejectedException.class);
        message.result(RecipientResult.rejected(recipient, refusal));
        audit.recipientOutcome(message, recipient, Step.REFUSED, AuditOutcome.REFUSED,
                refusal.reason(), refusal.explanation());
    }

    /** Before each retry: the attempt that failed, with its endpoint and error. */
    public void attemptFailed(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        String recipient = exchange.getProperty(ExchangeProperties.RECIPIENT, String.class);
        if (message == null || recipient == null) {
            return;
        }
        exchanges.attemptFailed(message, recipient, exchange.getProperty(ExchangeProperties.ENDPOINT, String.class),
                cause(exchange));
    }

    /** Records the failure, keeps what was prepared and readies the notice; the route sends it to the failed queue. */
    public void failed(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        String recipient = exchange.getProperty(ExchangeProperties.RECIPIENT, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        byte[] envelope = exchange.getProperty(ExchangeProperties.ENVELOPE, byte[].class);
        String step = envelope != null ? "delivery" : "preparation";
        // A hand-over given up says itself why (refused for good, or its last attempt); anything else failed here.
        ReasonCode reason = cause instanceof DeliveryFailure given ? given.reason() : ReasonCode.DELIVERY_FAILED;
        String explanation = cause instanceof DeliveryFailure given ? given.explanation()
                : "The " + step + " for '" + recipient + "' failed after retries ("
                + (cause == null ? "unknown cause" : cause.getClass().getSimpleName())
                + "); the message is held for replay.";
        message.result(RecipientResult.failed(recipient, reason, explanation));
        audit.recipientOutcome(message, recipient, Step.DELIVERY_FAILED,
                AuditOutcome.FAILED, reason, explanation);
        // Keep the sealed envelope when there is one; otherwise the original as the agency sent it, never a
        // half-processed plaintext translation.
        String reference = exchanges.failed(message, recipient, reason, explanation, envelope,
                exchange.getProperty(ExchangeProperties.ENDPOINT, String.class), cause);
        Message held = exchange.getMessage();
        held.removeHeaders("*");
        held.setBody(reference);
        held.setHeader(GatewayHeaders.EXCHANGE_REFERENCE, reference);
        held.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        held.setHeader(GatewayHeaders.AGENCY, message.agency().id());
        held.setHeader(GatewayHeaders.MESSAGE_ID, message.messageId().orElse(null));
        held.setHeader(GatewayHeaders.RECIPIENT, recipient);
        held.setHeader(GatewayHeaders.REASON_CODE, reason.name());
        held.setHeader(GatewayHeaders.EXPLANATION, explanation);
        held.setHeader(GatewayHeaders.FAILED_STEP, step);
    }

    private static Throwable cause(Exchange exchange) {
        Throwable now = exchange.getException();
        return now != null ? now : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
