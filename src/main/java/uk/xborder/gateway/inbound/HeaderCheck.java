package uk.xborder.gateway.inbound;

import java.util.Optional;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.envelope.EnvelopeHeader;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.format.MessageFormat;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Holds the clear header to what was signed: the content is in the format agreed with the partner (the one the
 * header names), and its message id and sender are the header's. The header routed the envelope; from here on only
 * the signed content counts. (That the signed message names the addressee is checked once it is canonical, by
 * {@link AddresseeAuthorisation}.)
 */
public final class HeaderCheck {

    private final SafeXmlParser parser;
    private final SchemaCatalog schemas;
    private final FormatRegistry formats;
    private final InboundAudit audit;

    public HeaderCheck(SafeXmlParser parser, SchemaCatalog schemas, FormatRegistry formats, InboundAudit audit) {
        this.parser = parser;
        this.schemas = schemas;
        this.formats = formats;
        this.audit = audit;
    }

    public Document check(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                          @Body byte[] content) {
        EnvelopeHeader header = message.header();
        Partner partner = message.partner().orElseThrow();
        if (!header.contentFormat().equals(partner.format())) {
            throw new MessageRejectedException(ReasonCode.UNEXPECTED_FORMAT, "The envelope's content is in format "
                    + header.contentFormat() + "; partner '" + partner.id() + "' exchanges " + partner.format()
                    + ".");
        }
        Document document = parser.parse(content);
        String namespace = schemas.targetNamespace(partner.format());
        if (document.getDocumentElement() == null
                || !namespace.equals(document.getDocumentElement().getNamespaceURI())) {
            throw new MessageRejectedException(ReasonCode.UNEXPECTED_FORMAT, "The signed content is not in format "
                    + partner.format() + " (namespace " + namespace + "), which the header names and partner '"
                    + partner.id() + "' exchanges.");
        }
        MessageFormat format = formats.get(partner.format());
        requireSame("message id", header.messageId(), format.messageId(document));
        requireSame("sender", header.from(), format.senderPartyId(document));
        audit.step(message, Step.HEADER_VERIFIED, message.originalDigest());
        return document;
    }

    private static void requireSame(String what, String inHeader, Optional<String> signed) {
        if (signed.isEmpty() || !signed.get().equals(inHeader)) {
            // Only the header's value is named: the signed one is content.
            throw new MessageRejectedException(ReasonCode.HEADER_MISMATCH, "The envelope's clear header gives "
                    + what + " '" + inHeader + "', which the signed content does not.");
        }
    }
}
