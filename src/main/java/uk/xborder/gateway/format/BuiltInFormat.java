package uk.xborder.gateway.format;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.xml.PublicSchema;

/**
 * What the built-in translators share besides their own mapping: the public schema they read and write, the
 * namespace of its documents, where in them the sender's party id and the message id are, and the
 * {@link FormatSupport} they translate with. Immutable and thread-safe.
 */
abstract class BuiltInFormat implements MessageFormat {

    final FormatSupport support;
    private final PublicSchema schema;
    private final String namespace;
    private final String[] senderPartyIdPath;
    private final String[] messageIdPath;

    /**
     * @param senderPartyIdPath element names from the root to the sender's party id
     * @param messageIdPath     element names from the root to the message id
     */
    BuiltInFormat(PublicSchema schema, String namespace, FormatSupport support, List<String> senderPartyIdPath,
                  List<String> messageIdPath) {
        this.schema = schema;
        this.namespace = namespace;
        this.support = support;
        this.senderPartyIdPath = senderPartyIdPath.toArray(String[]::new);
        this.messageIdPath = messageIdPath.toArray(String[]::new);
    }

    @Override
    public final String id() {
        return schema.id();
    }

    @Override
    public final String schemaResource() {
        return schema.resource();
    }

    @Override
    public final Optional<String> senderPartyId(Document parsedDocument) {
        return DocumentFields.partyId(parsedDocument, namespace, senderPartyIdPath);
    }

    @Override
    public final Optional<String> messageId(Document parsedDocument) {
        return DocumentFields.messageId(parsedDocument, namespace, messageIdPath);
    }

    /** The output as UTF-8 XML, validated against this format's schema first (see {@link FormatSupport#emit}). */
    final byte[] emit(Object root) {
        return support.emit(root, schema);
    }

    /**
     * {@code SCHEMA_INVALID} for a document that breaks a rule of the format XML Schema 1.0 cannot express, saying
     * where the element {@code localName} is.
     */
    final MessageRejectedException schemaInvalid(Document document, String localName, String problem) {
        return new MessageRejectedException(ReasonCode.SCHEMA_INVALID, "The message does not satisfy schema " + id()
                + DocumentFields.whereIs(document, namespace, localName) + ": " + problem);
    }
}
