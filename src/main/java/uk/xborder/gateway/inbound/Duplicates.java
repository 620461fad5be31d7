package uk.xborder.gateway.inbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.ledger.InboundReceipts;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * Drops envelopes already delivered: an envelope whose sender and message id are on record with a receipt, in
 * another transport message, is a repeat, answered with the receipt already issued and never delivered again. The
 * same transport message again is a redelivery after a crash before its transaction committed: it is processed
 * again, keeping the time it first arrived.
 *
 * <p>Checked on the clear header, before anything is decrypted: a repeat costs no private-key operation, and what it
 * is answered with is only what the partner was sent before.
 */
public final class Duplicates {

    private final InboundReceipts receipts;

    public Duplicates(InboundReceipts receipts) {
        this.receipts = receipts;
    }

    public void check(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message) {
        receipts.find(message.header().from(), message.header().messageId()).ifPresent(recorded -> {
            if (recorded.transportMessageId().equals(message.transportMessageId())) {
                message.firstReceivedAt(recorded.receivedAt());
            } else {
                message.repeatOf(recorded);
            }
        });
    }
}
