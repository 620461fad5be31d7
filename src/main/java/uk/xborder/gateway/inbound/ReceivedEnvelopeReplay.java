package uk.xborder.gateway.inbound;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
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

    private static final String QUEUE = "gw.inbound";

    private final CamelContext context;
    private final InboundReceipts receipts;
    /** Made at the first replay: the context is started by then. */
    private ProducerTemplate producer;

    public ReceivedEnvelopeReplay(CamelContext context, InboundReceipts receipts) {
        this.context = context;
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
        Exchange message = new DefaultExchange(context);
        message.getMessage().setBody(content.bytes());
        message.getMessage().setHeader(GatewayHeaders.REPLAY_OF, exchange.reference());
        Exchange sent = producer().send("jms:queue:" + QUEUE + "?includeSentJMSMessageID=true", message);
        if (sent.getException() != null) {
            throw new IllegalStateException("the replay could not be put on " + QUEUE, sent.getException());
        }
        String transportId = sent.getMessage().getHeader("JMSMessageID", String.class);
        return "the partner's envelope is on " + QUEUE + " again, as exchange "
                + (transportId == null ? "(id not known)" : InboundMessage.exchangeIdOf(transportId))
                + ", through decryption, verification and translation again; a message id delivered meanwhile is "
                + "answered with its receipt and not delivered again.";
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
