package uk.xborder.gateway.inbound;

import java.util.Optional;

import org.apache.camel.CamelContext;

import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.exchange.operator.ReplayQueue;
import uk.xborder.gateway.ledger.InboundReceipts;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * Replays a partner's envelope that was refused or held (kind RECEIVED_ENVELOPE), once what refused it is put right
 * (a trust anchor added, an agency's queue or route mended): the envelope, exactly as the partner sent it, goes back
 * on gw.inbound, put there by the gateway's own broker user with {@link GatewayHeaders#REPLAY_OF} naming the stored
 * exchange, and the inbound pipeline takes it like any envelope, in its transaction, from the first check on. It is
 * a new processing, under an exchange id of its own; {@link InboundReplayClaims} proves the claim.
 *
 * <p>Nothing reaches the agency twice: the receipts ledger answers an envelope whose message id was delivered
 * meanwhile as a repeat (with the receipt on record), and the delivery carries the broker duplicate id
 * {@code inbound|sender|messageId}. So a replay of an envelope whose message id is delivered already is refused
 * unless forced ({@link #deliveredAlready}), and forced it is answered as a repeat.
 */
public final class ReceivedEnvelopeReplay implements ContentReplay {

    private final ReplayQueue queue;
    private final InboundReceipts receipts;

    public ReceivedEnvelopeReplay(CamelContext context, InboundReceipts receipts) {
        this.queue = new ReplayQueue(context, "gw.inbound");
        this.receipts = receipts;
    }

    @Override
    public Optional<String> deliveredAlready(StoredExchange exchange) {
        if (exchange.partner() == null || exchange.messageId() == null) {
            return Optional.empty();
        }
        return receipts.find(exchange.partner(), exchange.messageId())
                .filter(recorded -> "DELIVERED".equals(recorded.outcome()))
                .map(recorded -> "message " + exchange.messageId() + " of " + exchange.partner() + " was delivered to "
                        + "the agency meanwhile (exchange " + recorded.exchangeId() + ")");
    }

    @Override
    public String replay(StoredExchange exchange, OpenedContent content, int replay) {
        Optional<String> transportId = queue.put(content.bytes(), exchange.reference());
        return "the partner's envelope is on " + queue.name() + " again, as exchange "
                + transportId.map(InboundMessage::exchangeIdOf).orElse("(id not known)")
                + ", through decryption, verification and translation again; a message id delivered meanwhile is "
                + "answered with its receipt and not delivered again.";
    }
}
