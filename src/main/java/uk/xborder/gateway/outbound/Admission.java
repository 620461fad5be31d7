package uk.xborder.gateway.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * First step: takes a message off an agency queue, opens its exchange record, logs its receipt and refuses it
 * outright when it is larger than the configured limit.
 */
public final class Admission {


    private final PartyDirectory directory;
    private final long maxMessageBytes;
    private final OutboundAudit audit;
    private final Clock clock;

    public Admission(PartyDirectory directory, long maxMessageBytes, OutboundAudit audit, Clock clock) {
        this.directory = directory;
        this.maxMessageBytes = maxMessageBytes;
        this.audit = audit;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        OutboundMessage message = open(exchange);
        audit.step(message, Step.RECEIVED, message.originalDigest());
        if (message.originalBytes().length > maxMessageBytes) {
            throw new MessageRejectedException(ReasonCode.MESSAGE_TOO_LARGE,
                    "The message is " + message.originalBytes().length + " bytes; the limit is "
                            + maxMessageBytes + " bytes.");
        }
        exchange.getMessage().setBody(message.originalBytes());
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
        Object body = in.getBody();
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : in.getBody(byte[].class);
        OutboundMessage message = new OutboundMessage(agency, in.getHeader("JMSMessageID", String.class),
                bytes == null ? new byte[0] : bytes, clock.instant());
        exchange.setProperty(ExchangeProperties.OUTBOUND, message);
        return message;
    }
}
