package uk.xborder.gateway.format;

import java.util.List;
import org.w3c.dom.Document;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Recipient;
import uk.xborder.gateway.schema.canonical.Recipients;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;

/**
 * The canonical message as a wire format ({@code canonical-1}), for parties that speak it directly. Nothing is
 * converted in either direction: the message keeps its original schemes and codes.
 */
final class CanonicalFormat extends BuiltInFormat {

    CanonicalFormat(FormatSupport support) {
        super(PublicSchema.CANONICAL, "urn:xborder:gateway:canonical:1", support,
                List.of("IntelligenceMessage", "Sender", "PartyId"),
                List.of("IntelligenceMessage", "MessageId"));
    }

    @Override
    public IntelligenceMessage toCanonical(Document validatedDocument) {
        IntelligenceMessage message = JaxbCodec.unmarshal(validatedDocument, IntelligenceMessage.class);
        support.checkCanonicalRules(message);
        return message;
    }

    @Override
    public byte[] fromCanonical(IntelligenceMessage message, String recipientPartyId) {
        FormatSupport.requireAddressee(message, recipientPartyId);
        support.checkCanonicalRules(message);
        // A copy, so the caller's message keeps its full recipient list.
        IntelligenceMessage copy = JaxbCodec.unmarshal(JaxbCodec.marshalToDocument(message), IntelligenceMessage.class);
        Recipients addressee = new Recipients();
        Recipient recipient = new Recipient();
        recipient.setPartyId(recipientPartyId);
        addressee.getRecipient().add(recipient);
        copy.setRecipients(addressee);
        return emit(copy);
    }
}
