package uk.xborder.gateway.receipt;

import org.w3c.dom.Document;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Reads the signed content of a receipt: safely parsed, valid against {@code schemas/receipt.xsd}, bound to
 * {@link DeliveryReceipt}. Anything else is {@link ReasonCode#MALFORMED_RECEIPT}, with the parser's or validator's
 * redacted sentence.
 */
final class ReceiptReader {

    private final SafeXmlParser parser;
    private final SchemaCatalog schemas;

    ReceiptReader(SafeXmlParser parser, SchemaCatalog schemas) {
        this.parser = parser;
        this.schemas = schemas;
    }

    DeliveryReceipt read(byte[] content) {
        try {
            Document document = parser.parse(content);
            schemas.validate(document, PublicSchema.RECEIPT.id());
            return JaxbCodec.unmarshal(document, DeliveryReceipt.class);
        } catch (MessageRejectedException e) {
            throw new ReceiptRefusedException(ReasonCode.MALFORMED_RECEIPT,
                    Explanations.sentence("The signed content is not a delivery receipt (" + e.reason() + "): "
                            + e.explanation()), null);
        }
    }
}
