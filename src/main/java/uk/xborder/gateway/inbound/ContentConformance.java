package uk.xborder.gateway.inbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.xml.SchemaCatalog;

/** Checks the signed content against the XSD of the format agreed with the partner. */
public final class ContentConformance {

    private final SchemaCatalog schemas;
    private final InboundAudit audit;

    public ContentConformance(SchemaCatalog schemas, InboundAudit audit) {
        this.schemas = schemas;
        this.audit = audit;
    }

    public void validate(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message,
                         @Body Document document) {
        schemas.validate(document, message.partner().orElseThrow().format());
        audit.step(message, Step.SCHEMA_VALID, message.originalDigest());
    }
}
