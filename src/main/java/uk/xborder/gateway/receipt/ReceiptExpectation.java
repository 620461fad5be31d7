package uk.xborder.gateway.receipt;

import java.time.Clock;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.ledger.AwaitingReceipts;
import uk.xborder.gateway.outbound.OutboundMessage;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * The outbound route's side of receipts: as the envelope is handed to the partner's endpoint, the ledger records
 * that its receipt is awaited (with the envelope, to send it again). Recorded just before the hand-over rather than
 * after it, because over HTTPS the receipt comes back in the response to the hand-over itself and must find the
 * delivery already there. Should the hand-over fail after its retries, the expectation is withdrawn: the envelope
 * is held and the agency told by the outbound route, and nothing is sent again from here.
 */
public final class ReceiptExpectation {

    private final AwaitingReceipts awaiting;
    private final PartyDirectory directory;
    private final Clock clock;

    ReceiptExpectation(AwaitingReceipts awaiting, PartyDirectory directory, Clock clock) {
        this.awaiting = awaiting;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Records that the receipt for {@code envelope} is awaited. {@code payloadDigest} is the digest the encryption
     * step took of the very bytes the envelope carries as its payload, so the envelope is not read back for it.
     */
    public void expect(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                       @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                       @ExchangeProperty(ExchangeProperties.ENDPOINT) String endpoint,
                       @ExchangeProperty(ExchangeProperties.PAYLOAD_DIGEST) String payloadDigest,
                       @Body byte[] envelope) {
        if (payloadDigest == null) {
            throw new IllegalStateException("no payload digest for the envelope to '" + recipient + "': it was not "
                    + "encrypted by this exchange");
        }
        Partner partner = directory.partner(recipient).orElseThrow();
        awaiting.expect(new AwaitingReceipts.Sent(message.exchangeId(), recipient, message.agency().id(),
                message.messageId().orElseThrow(), message.transportMessageId(),
                payloadDigest, envelope, endpoint,
                clock.instant().plus(partner.receiptTimeout())));
    }

    /** In the per-recipient error handling: the delivery failed, so no receipt is awaited for it. */
    public void withdraw(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        String recipient = exchange.getProperty(ExchangeProperties.RECIPIENT, String.class);
        if (message == null || recipient == null) {
            return;
        }
        awaiting.withdraw(message.exchangeId(), recipient, ReasonCode.DELIVERY_FAILED.name(),
                "The hand-over to '" + recipient + "' failed after retries; no receipt is awaited.");
    }
}
