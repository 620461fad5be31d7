package uk.xborder.gateway.outbound;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * Replays an agency's message that was refused (or held before it was sealed): the original, exactly as the agency
 * sent it, goes back on the agency's queue, put there by the gateway's own broker user with
 * {@link GatewayHeaders#REPLAY_OF} naming the stored exchange. The agency's pipeline takes it like any message, in
 * its transaction, through validation and policy again; {@link SenderVerification} takes the gateway's word for the
 * sender only when the exchange store vouches for the replay (see there). It is a new processing, under an exchange
 * id of its own, which the replayed exchange's trail names.
 */
public final class OriginalReplay implements ContentReplay {

    /** Made at the first replay: the context is started by then. */
    private ProducerTemplate producer;
    private final CamelContext context;

    public OriginalReplay(CamelContext context) {
        this.context = context;
    }

    @Override
    public String replay(StoredExchange exchange, OpenedContent content, int replay) {
        String agency = exchange.agency();
        Exchange message = new DefaultExchange(context);
        message.getMessage().setBody(content.bytes());
        message.getMessage().setHeader(GatewayHeaders.REPLAY_OF, exchange.reference());
        Exchange sent = producer().send("jms:queue:gw.agency." + agency + ".out?includeSentJMSMessageID=true",
                message);
        if (sent.getException() != null) {
            throw new IllegalStateException("the replay could not be put on the queue of " + agency,
                    sent.getException());
        }
        String transportId = sent.getMessage().getHeader("JMSMessageID", String.class);
        String target = exchange.recipient() == null ? "its recipients" : "'" + exchange.recipient() + "' alone";
        return "the agency's original is on gw.agency." + agency + ".out again, for " + target + ", as exchange "
                + (transportId == null ? "(id not known)" : OutboundMessage.exchangeIdOf(agency, transportId))
                + " through validation and policy again.";
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
