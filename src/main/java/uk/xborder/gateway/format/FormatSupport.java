package uk.xborder.gateway.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Item;
import uk.xborder.gateway.schema.canonical.Recipient;
import uk.xborder.gateway.xml.JaxbCodec;
import uk.xborder.gateway.xml.PublicSchema;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * What every translator needs besides its own mapping: scheme conversion, the canonical rules, and the final check
 * that what it produced satisfies the target schema. Immutable and thread-safe.
 */
final class FormatSupport {

    private final SafeXmlParser parser;
    private final SchemaCatalog catalog;
    private final SchemeConversion conversion;
    private final CanonicalRules canonicalRules;

    FormatSupport(SafeXmlParser parser, SchemaCatalog catalog, SchemeConversion conversion,
                  CanonicalRules canonicalRules) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.conversion = Objects.requireNonNull(conversion, "conversion");
        this.canonicalRules = Objects.requireNonNull(canonicalRules, "canonicalRules");
    }

    SchemeConversion conversion() {
        return conversion;
    }

    void checkCanonicalRules(IntelligenceMessage message) {
        canonicalRules.check(message);
    }

    /**
     * Returns the canonical message a translator built from a valid source document, after checking it against the
     * canonical schema and rules. A schema failure here means the translator is wrong, not the sender.
     *
     * @throws GatewayFault when the canonical schema refuses the translator's output
     */
    IntelligenceMessage checkedCanonical(IntelligenceMessage message, String fromFormatId) {
        canonicalRules.check(message);
        try {
            catalog.validate(JaxbCodec.marshalToDocument(message), PublicSchema.CANONICAL.id());
        } catch (MessageRejectedException e) {
            throw new GatewayFault("Translation from " + fromFormatId
                    + " produced a canonical message its schema refuses: " + e.explanation());
        }
        return message;
    }

    /**
     * UTF-8 XML of a translator's output, validated against the target schema first: a translator never emits
     * invalid output.
     *
     * @throws GatewayFault when the target schema refuses the output: the translator is wrong, not the sender
     */
    byte[] emit(Object root, PublicSchema schema) {
        byte[] xml = JaxbCodec.marshal(root);
        try {
            catalog.validate(parser.parse(xml), schema.id());
        } catch (MessageRejectedException e) {
            throw new GatewayFault(
                    "Translation to " + schema.id() + " produced output its schema refuses: " + e.explanation());
        }
        return xml;
    }

    /** @throws IllegalArgumentException unless the party is one of the message's recipients */
    static void requireAddressee(IntelligenceMessage message, String recipientPartyId) {
        Objects.requireNonNull(recipientPartyId, "recipientPartyId");
        boolean addressed = message.getRecipients().getRecipient().stream()
                .map(Recipient::getPartyId).anyMatch(recipientPartyId::equals);
        if (!addressed) {
            throw new IllegalArgumentException("Party " + recipientPartyId + " is not a recipient of message "
                    + message.getMessageId());
        }
    }

    /**
     * A note for the output saying which schemes were converted and with which table versions; empty when the
     * target uses the message's own schemes, so a message returned in its own format is unchanged.
     */
    Optional<String> translationNote(IntelligenceMessage message, String toFormatId, ClassificationScheme markingTo,
                                     GradingScheme gradingTo) {
        List<String> conversions = new ArrayList<>();
        ClassificationScheme markingFrom = SchemeConversion.scheme(message.getClassification().getScheme());
        if (markingFrom != markingTo) {
            conversions.add("marking " + markingFrom + " to " + markingTo);
        }
        GradingScheme handlingFrom = SchemeConversion.scheme(message.getHandling().getScheme());
        if (handlingFrom != gradingTo) {
            conversions.add("handling " + handlingFrom + " to " + gradingTo);
        }
        Set<GradingScheme> itemSchemes = new LinkedHashSet<>();
        for (Item item : message.getItems().getItem()) {
            itemSchemes.add(SchemeConversion.scheme(item.getGrading().getScheme()));
        }
        itemSchemes.remove(gradingTo);
        itemSchemes.forEach(from -> conversions.add("grading " + from + " to " + gradingTo));
        if (conversions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Translated by the cross-border gateway into " + toFormatId + ": "
                + String.join("; ", conversions) + ". Translation tables: " + conversion.tableVersions() + ".");
    }
}
