package uk.xborder.gateway.exchange.operator;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * One of the gateway's own queues that kept content is put back on to be taken in again, marked
 * ({@link GatewayHeaders#REPLAY_OF}) with the exchange it replays; sent as the gateway's own broker user.
 */
public final class ReplayQueue {

    private final CamelContext context;
    private final String queue;
    /** Made at the first replay: the context is started by then. */
    private ProducerTemplate producer;

    public ReplayQueue(CamelContext context, String queue) {
        this.context = context;
        this.queue = queue;
    }

    public String name() {
        return queue;
    }

    /**
     * Puts {@code content} on the queue as the replay of exchange {@code replayOf}.
     *
     * @return the JMS message id it went with, when the broker gave one
     * @throws IllegalStateException if it could not be sent
     */
    public Optional<String> put(byte[] content, String replayOf) {
        Exchange message = new DefaultExchange(context);
        message.getMessage().setBody(content);
        message.getMessage().setHeader(GatewayHeaders.REPLAY_OF, replayOf);
        Exchange sent = producer().send("jms:queue:" + queue + "?includeSentJMSMessageID=true", message);
        if (sent.getException() != null) {
            throw new IllegalStateException("the replay could not be put on " + queue, sent.getException());
        }
        return Optional.ofNullable(sent.getMessage().getHeader("JMSMessageID", String.class));
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
