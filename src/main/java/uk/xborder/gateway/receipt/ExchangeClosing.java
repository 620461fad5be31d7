package uk.xborder.gateway.receipt;

import org.apache.camel.Exchange;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * Closes the delivery a verified receipt answers: ACKNOWLEDGED or REFUSED_BY_PARTNER, once (in the exchange store:
 * ACKNOWLEDGED, or REJECTED with the envelope kept to send again). A receipt for a delivery
 * already closed (by an earlier receipt, or failed for want of one) is recorded and changes nothing; a redelivery of
 * the very receipt that closed it goes on as if for the first time, since its notice may not have gone out.
 */
public final class ExchangeClosing {

    private final AwaitingReceipts awaiting;
    private final ReceiptAudit audit;
    private final ReceiptExchanges exchanges;

    ExchangeClosing(AwaitingReceipts awaiting, ReceiptAudit audit, ReceiptExchanges exchanges) {
        this.awaiting = awaiting;
        this.audit = audit;
        this.exchanges = exchanges;
    }

    public void close(Exchange exchange) {
        ReceiptInHand inHand = exchange.getProperty(ExchangeProperties.RECEIPT, ReceiptInHand.class);
        VerifiedReceipt receipt = inHand.receipt();
        AwaitingReceipts.Closing closing = awaiting.close(receipt.delivery(), receipt.outcome(),
                receipt.reason() == null ? null : receipt.reason().name(),
                Explanations.limit(receipt.explanation()), inHand.deliveryId());
        inHand.closing(closing);
        AwaitingDelivery delivery = closing.delivery();
        String partner = delivery.partner();
        String which = "receipt-" + Digests.sha256Hex(inHand.deliveryId().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
        String says = receipt.outcome() == ReceiptState.ACKNOWLEDGED ? "DELIVERED" : "REFUSED";
        if (!closing.closesNow()) {
            audit.step(delivery, Step.RECEIPT_RECEIVED, which, "A further receipt from '" + partner + "' (" + says
                    + ") for a delivery already closed as " + delivery.state() + "; it changes nothing.",
                    inHand.digest());
            return;
        }
        audit.step(delivery, Step.RECEIPT_RECEIVED, which, "Receipt from '" + partner + "' (" + says
                + "); it closes the exchange with '" + partner + "'.", inHand.digest());
        if (receipt.outcome() == ReceiptState.ACKNOWLEDGED) {
            audit.step(delivery, Step.ACKNOWLEDGED, null, "'" + partner + "' has the message.",
                    delivery.payloadDigest());
            exchanges.acknowledged(delivery);
        } else {
            String explanation = Explanations.partners(partner, receipt.explanation());
            audit.outcome(delivery, Step.REFUSED_BY_PARTNER, null, AuditOutcome.REFUSED, receipt.reason(),
                    explanation, delivery.payloadDigest());
            exchanges.refusedByPartner(delivery, explanation, awaiting.envelope(delivery));
        }
    }
}
