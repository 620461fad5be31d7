package uk.xborder.gateway.outbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.xml.SafeXmlParser;

/** Parses the agency's bytes with a parser that refuses DOCTYPEs, entities and external references. */
public final class WellFormedness {

    private final SafeXmlParser parser;
    private final OutboundAudit audit;

    public WellFormedness(SafeXmlParser parser, OutboundAudit audit) {
        this.parser = parser;
        this.audit = audit;
    }

    public Document parse(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message, @Body byte[] xml) {
        Document document = parser.parse(xml);
        audit.step(message, Step.WELL_FORMED, message.originalDigest());
        return document;
    }
}
