package uk.xborder.gateway.outbound;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.w3c.dom.Document;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Checks the message against the XSD of the format its agency sends. The message id is read first, so that even a
 * schema-invalid message's status notice and audit events can name it.
 */
public final class SchemaConformance {

    private final SchemaCatalog schemas;
    private final FormatRegistry formats;
    private final OutboundAudit audit;

    public SchemaConformance(SchemaCatalog schemas, FormatRegistry formats, OutboundAudit audit) {
        this.schemas = schemas;
        this.formats = formats;
        this.audit = audit;
    }

    public void validate(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                         @Body Document document) {
        String format = message.agency().format();
        formats.get(format).messageId(document).ifPresent(message::claimedMessageId);
        schemas.validate(document, format);
        audit.step(message, Step.SCHEMA_VALID, message.originalDigest());
    }
}
