package uk.xborder.gateway.receipt;

import uk.xborder.gateway.schema.envelope.TransportEnvelope;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.SafeXmlParser;

/**
 * Reads back an envelope the gateway itself wrote, for the one thing a receipt is checked against: the Payload
 * octets (the CMS bytes) whose digest the partner must name.
 */
final class SentEnvelope {

    private final SafeXmlParser parser;

    SentEnvelope(SafeXmlParser parser) {
        this.parser = parser;
    }

    byte[] payload(byte[] envelope) {
        return JaxbCodec.unmarshal(parser.parse(envelope), TransportEnvelope.class).getPayload();
    }
}
