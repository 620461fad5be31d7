package uk.xborder.gateway.inbound;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * First step: takes an envelope in, opens its exchange record, logs its receipt, records it in the exchange store
 * (RECEIVED) and refuses it outright when it is larger than the configured limit.
 */
public final class InboundAdmission {

    /** The value of {@link ExchangeProperties#INBOUND_TRANSPORT} the JMS inbound route sets. */
    public static final String JMS = "JMS";

    private final long maxEnvelopeBytes;
    private final InboundAudit audit;
    private final InboundExchanges exchanges;
    private final Clock clock;

    public InboundAdmission(long maxEnvelopeBytes, InboundAudit audit, InboundExchanges exchanges, Clock clock) {
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.audit = audit;
        this.exchanges = exchanges;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        InboundMessage message = open(exchange);
        audit.step(message, Step.INBOUND_RECEIVED, message.originalDigest());
        exchanges.received(message);
        if (message.originalBytes().length > maxEnvelopeBytes) {
            throw new MessageRejectedException(ReasonCode.MESSAGE_TOO_LARGE,
                    "The envelope is " + message.originalBytes().length + " bytes; the limit is "
                            + maxEnvelopeBytes + " bytes.");
        }
        exchange.getMessage().setBody(message.originalBytes());
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
        Object body = in.getBody();
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : in.getBody(byte[].class);
        String jmsId = in.getHeader("JMSMessageID", String.class);
        // Over HTTPS there is no transport id to tell a redelivery by: every request is a new arrival.
        String transportId = jmsId != null ? jmsId : "exchange:" + exchange.getExchangeId();
        InboundMessage message = new InboundMessage(transportId,
                JMS.equals(exchange.getProperty(ExchangeProperties.INBOUND_TRANSPORT, String.class)),
                exchange.getProperty(ExchangeProperties.CLIENT_CERTIFICATE, X509Certificate.class),
                bytes == null ? new byte[0] : bytes, clock.instant());
        exchange.setProperty(ExchangeProperties.INBOUND, message);
        return message;
    }
}
