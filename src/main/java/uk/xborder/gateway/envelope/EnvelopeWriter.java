package uk.xborder.gateway.envelope;

import java.time.ZoneOffset;

import uk.xborder.gateway.schema.envelope.Header;
import uk.xborder.gateway.schema.envelope.TransportEnvelope;
import uk.xborder.gateway.xml.JaxbCodec;

/** Writes a transport envelope: the clear header and the CMS bytes, base64 in the {@code Payload} element. */
public final class EnvelopeWriter {

    public byte[] write(EnvelopeHeader header, byte[] cms) {
        Header clear = new Header();
        clear.setMessageId(header.messageId());
        clear.setExchangeId(header.exchangeId());
        clear.setFrom(header.from());
        clear.setTo(header.to());
        clear.setSentAt(header.sentAt().atOffset(ZoneOffset.UTC));
        clear.setContentFormat(header.contentFormat());
        TransportEnvelope envelope = new TransportEnvelope();
        envelope.setHeader(clear);
        envelope.setPayload(cms);
        return JaxbCodec.marshal(envelope);
    }
}
