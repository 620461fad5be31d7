package uk.xborder.gateway.envelope;

import java.util.Base64;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.schema.envelope.Header;
import uk.xborder.gateway.schema.envelope.TransportEnvelope;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Reads a transport envelope from untrusted bytes: parsed by {@link SafeXmlParser}, validated against the envelope
 * schema, then bound. Anything short of that is {@link MalformedEnvelopeException}, with what the header still
 * claims read best-effort. Thread-safe.
 */
public final class EnvelopeReader {

    private final SafeXmlParser parser;
    private final SchemaCatalog schemas;

    public EnvelopeReader(SafeXmlParser parser, SchemaCatalog schemas) {
        this.parser = parser;
        this.schemas = schemas;
    }

    /** @throws MalformedEnvelopeException when the bytes are not a valid transport envelope */
    public ReceivedEnvelope read(byte[] bytes) {
        Document document;
        try {
            document = parser.parse(bytes);
        } catch (MessageRejectedException e) {
            throw new MalformedEnvelopeException("The transport envelope could not be read: " + e.explanation(),
                    ClaimedHeader.none(), e);
        }
        ClaimedHeader claimed = claims(document);
        try {
            schemas.validate(document, PublicSchema.TRANSPORT_ENVELOPE.id());
            TransportEnvelope envelope = JaxbCodec.unmarshal(document, TransportEnvelope.class);
            Header header = envelope.getHeader();
            return new ReceivedEnvelope(new EnvelopeHeader(header.getMessageId(), header.getExchangeId(),
                    header.getFrom(), header.getTo(), header.getSentAt().toInstant(), header.getContentFormat()),
                    envelope.getPayload());
        } catch (MessageRejectedException e) {
            throw new MalformedEnvelopeException("The transport envelope breaks its schema: " + e.explanation(),
                    claimed, e);
        }
    }

    /** The header fields by local name, each only in its valid shape; the payload only if it decodes. */
    private static ClaimedHeader claims(Document document) {
        Element root = document.getDocumentElement();
        Element header = root == null ? null : child(root, "Header");
        return new ClaimedHeader(
                text(header, "MessageId").flatMap(ClaimedHeader::identifier),
                text(header, "ExchangeId").flatMap(ClaimedHeader::identifier),
                text(header, "From").flatMap(ClaimedHeader::partyId),
                text(header, "To").flatMap(ClaimedHeader::partyId),
                text(root, "Payload").flatMap(EnvelopeReader::base64));
    }

    private static Optional<String> text(Element parent, String localName) {
        Element element = parent == null ? null : child(parent, localName);
        return element == null ? Optional.empty() : Optional.of(element.getTextContent());
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Optional<byte[]> base64(String text) {
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(text.trim());
            return decoded.length == 0 ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
