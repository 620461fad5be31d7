package uk.xborder.gateway.outbound;

import java.time.Clock;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.envelope.EnvelopeHeader;
import uk.xborder.gateway.envelope.EnvelopeWriter;
import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * Puts the encrypted payload in a transport envelope with its clear header, and addresses it to the recipient's
 * endpoint. The envelope carries a broker duplicate-detection id, so a resend after a crash is dropped by the broker
 * rather than delivered twice.
 */
public final class Wrapping {


    private final PartyDirectory directory;
    private final EnvelopeWriter writer;
    private final OutboundAudit audit;
    private final Clock clock;

    public Wrapping(PartyDirectory directory, EnvelopeWriter writer, OutboundAudit audit, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    public byte[] wrap(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                       @ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient,
                       @Body byte[] encrypted, Exchange exchange) {
        Partner partner = directory.partner(recipient).orElseThrow();
        String messageId = message.messageId().orElseThrow();
        byte[] envelope = writer.write(new EnvelopeHeader(messageId, message.exchangeId(), message.agency().partyId(),
                recipient, clock.instant(), partner.format()), encrypted);

        exchange.setProperty(ExchangeProperties.ENVELOPE, envelope);
        exchange.setProperty(ExchangeProperties.ENDPOINT, partner.endpoint());
        exchange.setProperty(ExchangeProperties.TRANSPORT, partner.transport().name());
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(GatewayHeaders.MESSAGE_ID, messageId);
        out.setHeader(GatewayHeaders.EXCHANGE_ID, message.exchangeId());
        out.setHeader(GatewayHeaders.AGENCY, message.agency().id());
        out.setHeader(GatewayHeaders.RECIPIENT, recipient);
        out.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, duplicateId(message.agency().id(), messageId, recipient));
        audit.recipientStep(message, recipient, Step.WRAPPED, Digests.sha256Hex(envelope));
        return envelope;
    }

    /** The duplicate-detection id of the envelope of a message to a recipient, kept by every attempt to deliver it. */
    static String duplicateId(String agency, String messageId, String recipient) {
        return agency + "|" + messageId + "|" + recipient;
    }
}
