package uk.xborder.gateway.outbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.xml.SchemaCatalog;

/** Checks the message against the XSD of the format its agency sends. */
public final class SchemaConformance {

    private final SchemaCatalog schemas;
    private final OutboundAudit audit;

    public SchemaConformance(SchemaCatalog schemas, OutboundAudit audit) {
        this.schemas = schemas;
        this.audit = audit;
    }

    public void validate(@ExchangeProperty(OutboundMessage.PROPERTY) OutboundMessage message,
                         @Body Document document) {
        schemas.validate(document, message.agency().format());
        audit.step(message, "SCHEMA_VALID", AuditOperation.COLLECTION, message.originalDigest());
    }
}
