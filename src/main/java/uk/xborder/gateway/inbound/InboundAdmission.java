package uk.xborder.gateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * First step: takes an envelope in, opens its exchange record, logs its receipt, records it in the exchange store
 * (RECEIVED) and refuses it outright when it is not a text or bytes message, or larger than the configured limit
 * (measured before it is read).
 */
public final class InboundAdmission {

    /** The value of {@link ExchangeProperties#INBOUND_TRANSPORT} the JMS inbound route sets. */
    public static final String JMS = "JMS";

    private final ReceivedBodies bodies;
    private final long maxEnvelopeBytes;
    private final InboundAudit audit;
    private final InboundExchanges exchanges;
    private final Clock clock;

    public InboundAdmission(ReceivedBodies bodies, long maxEnvelopeBytes, InboundAudit audit,
                            InboundExchanges exchanges, Clock clock) {
        this.bodies = bodies;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.audit = audit;
        this.exchanges = exchanges;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        InboundMessage message = open(exchange);
        audit.step(message, Step.INBOUND_RECEIVED, message.originalDigest());
        exchanges.received(message);
        exchange.getMessage().setBody(message.received().admit("envelope", maxEnvelopeBytes));
    }

    /**
     * The exchange record, created on first use. Error handlers call this too, so that an envelope that failed
     * before admission finished is still recorded and kept.
     */
    public InboundMessage open(Exchange exchange) {
        InboundMessage existing = exchange.getProperty(ExchangeProperties.INBOUND, InboundMessage.class);
        if (existing != null) {
            return existing;
        }
        Message in = exchange.getMessage();
        String jmsId = in.getHeader("JMSMessageID", String.class);
        // Over HTTPS there is no transport id to tell a redelivery by: every request is a new arrival.
        String transportId = jmsId != null ? jmsId : "exchange:" + exchange.getExchangeId();
        InboundMessage message = new InboundMessage(transportId,
                JMS.equals(exchange.getProperty(ExchangeProperties.INBOUND_TRANSPORT, String.class)),
                exchange.getProperty(ExchangeProperties.CLIENT_CERTIFICATE, X509Certificate.class),
                bodies.read(exchange, maxEnvelopeBytes), clock.instant());
        exchange.setProperty(ExchangeProperties.INBOUND, message);
        return message;
    }
}
