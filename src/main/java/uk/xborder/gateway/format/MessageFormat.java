package uk.xborder.gateway.format;

import java.util.Optional;
import org.w3c.dom.Document;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.message.NoSafeMappingException;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/**
 * One agency or partner XML format and its translation to and from the canonical message.
 *
 * <p>The pipeline's order is: {@link uk.xborder.gateway.xml.SafeXmlParser#parse parse}, then
 * {@link uk.xborder.gateway.xml.SchemaCatalog#validate validate} against {@link #id()}, then {@link #toCanonical}.
 * On the way out, {@link #fromCanonical} once per recipient. Implementations are immutable and thread-safe.
 */
public interface MessageFormat {

    /** Format id, for example {@code police-scotland-ir-1}; also the id of its schema in the SchemaCatalog. */
    String id();

    /** Classpath resource of the format's XSD, for example {@code schemas/police-scotland-intelligence-report.xsd}. */
    String schemaResource();

    /**
     * Best-effort read of the sender's party id from a parsed document, valid or not, so that a rejection can still
     * be attributed. Empty when absent or not shaped like a party id (a malformed value is never echoed).
     */
    Optional<String> senderPartyId(Document parsedDocument);

    /**
     * Best-effort read of the message id from a parsed document, valid or not, so that a status notice can name
     * it. Empty when absent or not shaped like a message id.
     */
    Optional<String> messageId(Document parsedDocument);

    /**
     * The canonical message for a document that has passed schema validation for this format. Keeps the original
     * classification, handling and grading schemes and codes.
     *
     * @throws MessageRejectedException {@code SCHEMA_INVALID} when the document breaks a rule of the format that
     *                                  XML Schema 1.0 cannot express (for example a handling code that needs
     *                                  conditions given without them), {@code INVALID_VALUE} for a value the schema
     *                                  allows but the canonical model cannot hold, {@code URGENCY_WITHOUT_REASONS}
     *                                  for an urgent request for information that gives no reasons
     * @throws uk.xborder.gateway.pipeline.GatewayFault when the translation is wrong (its output breaks the
     *                                  canonical schema): the gateway's fault, never reported as a refusal
     */
    IntelligenceMessage toCanonical(Document validatedDocument);

    /**
     * The message in this format for one recipient, as UTF-8 XML that has been validated against this format's
     * schema: a translator never emits invalid output. Grading, handling and marking are converted into the
     * format's schemes through the versioned translation tables.
     *
     * @param recipientPartyId the addressee; must be one of the message's recipients. The output names only this
     *                         recipient, so no partner learns the rest of the originator's dissemination list.
     * @throws NoSafeMappingException    when a grade, handling code or marking has no safe equivalent: this
     *                                   recipient is refused
     * @throws MessageRejectedException  with another reason when the format cannot carry the message for a reason
     *                                   the sender can act on (for example {@code NO_LEGAL_BASIS})
     * @throws uk.xborder.gateway.pipeline.GatewayFault when the output breaks this format's schema: the
     *                                   translator is wrong, not the sender
     * @throws IllegalArgumentException  when {@code recipientPartyId} is not a recipient of the message
     */
    byte[] fromCanonical(IntelligenceMessage message, String recipientPartyId);
}
