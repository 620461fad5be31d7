package uk.xborder.gateway.receipt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * What becomes of a receipt the gateway cannot accept: it is audited with its reason and kept, exactly as received,
 * in the exchange store (an inbound exchange of its own, REJECTED; one too large to read, or not text or bytes, is
 * recorded without it), and the rejected queue gets a notice of it with its reference and the reason in headers, no
 * content. It changes nothing: the delivery it claims to answer goes on
 * waiting for a good receipt (and is sent again when that is overdue).
 */
public final class ReceiptRefusal {

    private final ReceiptIntake intake;
    private final ReceiptAudit audit;
    private final ReceiptExchanges exchanges;

    ReceiptRefusal(ReceiptIntake intake, ReceiptAudit audit, ReceiptExchanges exchanges) {
        this.intake = intake;
        this.audit = audit;
        this.exchanges = exchanges;
    }

    /** Audits the refusal, keeps the receipt and prepares the notice for the rejected queue; the route sends it. */
    public void keep(Exchange exchange) {
        MessageRejectedException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                MessageRejectedException.class);
        ReasonCode reason = refusal.reason();
        String explanation = Explanations.limit(refusal.explanation());
        ReceivedBody received = intake.received(exchange);
        String deliveryId = ReceiptIntake.deliveryId(exchange, received);
        String digest = received.digest();
        String which = "receipt-" + Digests.sha256Hex(deliveryId.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        AwaitingDelivery delivery = refusal instanceof ReceiptRefusedException refused
                ? refused.delivery().orElse(null) : null;
        String exchangeId;
        if (delivery != null) {
            exchangeId = delivery.exchangeId();
            audit.outcome(delivery, Step.RECEIPT_REFUSED, which, AuditOutcome.REJECTED, reason, explanation, digest);
        } else {
            // Nothing could be matched: the receipt is an exchange of its own, stable across its redeliveries.
            exchangeId = "receipt-" + UUID.nameUUIDFromBytes(deliveryId.getBytes(StandardCharsets.UTF_8));
            audit.unmatched(exchangeId, Step.RECEIPT_REFUSED, which, reason, explanation, digest);
        }

        String reference = exchanges.refusedReceipt(deliveryId, exchangeId, delivery, reason, explanation,
                received.replayable());
        Message kept = exchange.getMessage();
        kept.removeHeaders("*");
        kept.setBody(reference);
        kept.setHeader(GatewayHeaders.EXCHANGE_REFERENCE, reference);
        kept.setHeader(GatewayHeaders.EXCHANGE_ID, exchangeId);
        kept.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, deliveryId);
        kept.setHeader(GatewayHeaders.REASON_CODE, reason.name());
        kept.setHeader(GatewayHeaders.EXPLANATION, explanation);
        if (delivery != null) {
            kept.setHeader(GatewayHeaders.AGENCY, delivery.agency());
            kept.setHeader(GatewayHeaders.MESSAGE_ID, delivery.messageId());
            kept.setHeader(GatewayHeaders.RECIPIENT, delivery.partner());
        }
    }
}
