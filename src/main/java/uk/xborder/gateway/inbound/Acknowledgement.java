package uk.xborder.gateway.inbound;

import java.util.HexFormat;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.ledger.InboundReceipts;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.receipt.ReceiptFacts;
import uk.xborder.gateway.receipt.ReceiptIssuer;

/**
 * Answers the sending partner with a signed receipt: DELIVERED once the agency has the message (recorded, so that a
 * repeat is answered with the same bytes), REFUSED with the reason when it was refused, or the receipt already on
 * record for a repeat. The receipt becomes the exchange's body, with header {@code GwReceiptOutcome}; for an
 * envelope that came by JMS, the partner's receipt endpoint is named for the route to send it to.
 *
 * <p>A refused envelope whose sender is no partner of ours, or whose message id or addressee cannot be read, gets
 * no receipt: there is nobody to sign it to. Its body is then empty and the outcome header still says REFUSED.
 *
 * <p>Refusals are not recorded: an envelope that fails before it is proven to be the partner's must not be able to
 * claim a message id, and a partner may correct a refused message and send it again under the same id.
 */
public final class Acknowledgement {

    private final ReceiptIssuer issuer;
    private final InboundReceipts receipts;
    private final InboundAudit audit;
    private final InboundExchanges exchanges;

    public Acknowledgement(ReceiptIssuer issuer, InboundReceipts receipts, InboundAudit audit,
                           InboundExchanges exchanges) {
        this.issuer = issuer;
        this.receipts = receipts;
        this.audit = audit;
        this.exchanges = exchanges;
    }

    public void delivered(Exchange exchange) {
        InboundMessage message = exchange.getProperty(ExchangeProperties.INBOUND, InboundMessage.class);
        byte[] receipt = issuer.issue(facts(message, Optional.empty()).orElseThrow());
        receipts.record(message.header().from(), message.header().messageId(), message.transportMessageId(),
                message.exchangeId(), message.receivedAt(), "DELIVERED", receipt);
        message.receiptRecorded();
        if (message.replayOf().isPresent() && message.partner().flatMap(Partner::receiptEndpoint).isEmpty()) {
            // Decision: the HTTP response the receipt belonged in is gone, and an HTTPS partner's URL takes
            // envelopes, not receipts. The receipt is on record instead: the partner's next send of this message id
            // (its resend for want of a DELIVERED receipt) is answered with it, byte for byte, and nothing twice.
            audit.step(message, Step.RECEIPT_ISSUED, Digests.sha256Hex(receipt), "Issued for an operator's replay of "
                    + "an envelope from '" + message.header().from() + "', who takes receipts only in the answer to "
                    + "its own request: kept on record, and answered when it sends message "
                    + message.header().messageId() + " again.");
        } else {
            audit.step(message, Step.RECEIPT_ISSUED, Digests.sha256Hex(receipt));
        }
        answer(exchange, message, receipt, "DELIVERED");
    }

    /** In the refusal handler: the reason is the exception caught. */
    public void refused(Exchange exchange) {
        InboundMessage message = exchange.getProperty(ExchangeProperties.INBOUND, InboundMessage.class);
        MessageRejectedException why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                MessageRejectedException.class);
        Optional<ReceiptFacts> facts = facts(message,
                Optional.of(new ReceiptFacts.Refusal(why.reason(), why.explanation())));
        if (facts.isEmpty()) {
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            out.setBody(null);
            out.setHeader(GatewayHeaders.RECEIPT_OUTCOME, "REFUSED");
            out.setHeader(GatewayHeaders.REASON_CODE, why.reason().name());
            return;
        }
        byte[] receipt = issuer.issue(facts.get());
        audit.step(message, Step.RECEIPT_ISSUED, Digests.sha256Hex(receipt));
        answer(exchange, message, receipt, "REFUSED");
        exchange.getMessage().setHeader(GatewayHeaders.REASON_CODE, why.reason().name());
    }

    /** A repeat: the receipt on record, byte for byte. */
    public void repeated(Exchange exchange) {
        InboundMessage message = exchange.getProperty(ExchangeProperties.INBOUND, InboundMessage.class);
        InboundReceipts.Recorded recorded = message.repeatOf().orElseThrow();
        byte[] receipt = recorded.receipt();
        audit.step(message, Step.RECEIPT_REPEATED, Digests.sha256Hex(receipt));
        exchanges.repeated(message);
        answer(exchange, message, receipt, recorded.outcome());
    }

    private static void answer(Exchange exchange, InboundMessage message, byte[] receipt, String outcome) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setBody(receipt);
        out.setHeader(GatewayHeaders.RECEIPT_OUTCOME, outcome);
        message.messageId().ifPresent(id -> out.setHeader(GatewayHeaders.MESSAGE_ID, id));
        if (message.byJms()) {
            message.partner().flatMap(Partner::receiptEndpoint)
                    .ifPresent(endpoint -> exchange.setProperty(ExchangeProperties.RECEIPT_ENDPOINT, endpoint));
        }
    }

    /** What the receipt says, when there is a partner to say it to and the envelope named itself well enough. */
    private static Optional<ReceiptFacts> facts(InboundMessage message, Optional<ReceiptFacts.Refusal> refusal) {
        Optional<Partner> partner = message.partner();
        Optional<String> messageId = message.claimed().messageId();
        Optional<String> addressee = message.claimed().to();
        if (partner.isEmpty() || messageId.isEmpty() || addressee.isEmpty()) {
            return Optional.empty();
        }
        // the digest of what was received, measured as it came when it was too large to read
        byte[] digest = message.claimed().payload().map(Digests::sha256)
                .orElseGet(() -> HexFormat.of().parseHex(message.originalDigest()));
        return Optional.of(new ReceiptFacts(messageId.get(), message.claimed().exchangeId(), addressee.get(),
                partner.get().id(), message.receivedAt(), digest, refusal));
    }
}
