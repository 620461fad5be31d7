package uk.xborder.gateway.outbound;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.broker.ReceivedBodies;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.PartyDirectory;

/**
 * First step: takes a message off an agency queue, opens its exchange record, logs its receipt and refuses it
 * outright when it is not a text or bytes message, or larger than the configured limit (measured before it is read).
 */
public final class Admission {

    private final PartyDirectory directory;
    private final ReceivedBodies bodies;
    private final long maxMessageBytes;
    private final OutboundAudit audit;
    private final Clock clock;

    public Admission(PartyDirectory directory, ReceivedBodies bodies, long maxMessageBytes, OutboundAudit audit,
                     Clock clock) {
        this.directory = directory;
        this.bodies = bodies;
        this.maxMessageBytes = maxMessageBytes;
        this.audit = audit;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        OutboundMessage message = open(exchange);
        audit.step(message, Step.RECEIVED, message.originalDigest());
        exchange.getMessage().setBody(message.received().admit("message", maxMessageBytes));
    }

    /**
     * The exchange record, created on first use. Error handlers call this too, so that a message that failed before
     * admission finished is still recorded and kept.
     */
    public OutboundMessage open(Exchange exchange) {
        OutboundMessage existing = exchange.getProperty(ExchangeProperties.OUTBOUND, OutboundMessage.class);
        if (existing != null) {
            return existing;
        }
        String agencyId = exchange.getProperty(ExchangeProperties.AGENCY, String.class);
        Agency agency = directory.agency(agencyId).orElseThrow(() -> new IllegalStateException(
                "route consumes for agency '" + agencyId + "', which is not in the partner directory"));
        Message in = exchange.getMessage();
        OutboundMessage message = new OutboundMessage(agency, in.getHeader("JMSMessageID", String.class),
                bodies.read(exchange, maxMessageBytes), clock.instant());
        exchange.setProperty(ExchangeProperties.OUTBOUND, message);
        return message;
    }
}
