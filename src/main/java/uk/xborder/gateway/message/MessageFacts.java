package uk.xborder.gateway.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import uk.xborder.gateway.directory.Marking;
import uk.xborder.gateway.message.GradingScheme;

/**
 * What the gateway needs to know about a canonical message to route, authorise and audit it — and nothing of its
 * content. Extracted once from the canonical model so that policy and audit do not depend on generated types.
 *
 * @param correlationId  the message's correlation id, or else the id of the message it answers
 * @param caseReferences each as {@code system:value}
 * @param inReplyTo      the id of the message it answers, also when it has a correlation id of its own; may be null
 * @param caveats        the caveats of its classification, as the message writes them, in its order
 */
public record MessageFacts(String messageId, String correlationId, List<String> caseReferences, String messageType,
                           String sender, List<String> recipients, Marking marking, GradingScheme handlingScheme,
                           String handlingCode, String legalBasis, String purpose, String inReplyTo,
                           List<String> caveats) {

    public MessageFacts {
        caseReferences = List.copyOf(caseReferences);
        recipients = List.copyOf(recipients);
        caveats = List.copyOf(caveats);
    }

    /** Facts of a message whose classification carries no caveat. */
    public MessageFacts(String messageId, String correlationId, List<String> caseReferences, String messageType,
                        String sender, List<String> recipients, Marking marking, GradingScheme handlingScheme,
                        String handlingCode, String legalBasis, String purpose, String inReplyTo) {
        this(messageId, correlationId, caseReferences, messageType, sender, recipients, marking, handlingScheme,
                handlingCode, legalBasis, purpose, inReplyTo, List.of());
    }

    /** Facts of a message without caveats that answers none, or whose correlation id is the one it answers. */
    public MessageFacts(String messageId, String correlationId, List<String> caseReferences, String messageType,
                        String sender, List<String> recipients, Marking marking, GradingScheme handlingScheme,
                        String handlingCode, String legalBasis, String purpose) {
        this(messageId, correlationId, caseReferences, messageType, sender, recipients, marking, handlingScheme,
                handlingCode, legalBasis, purpose, null);
    }

    public String handling() {
        return handlingScheme + " " + handlingCode;
    }

    public boolean hasLegalBasis() {
        return legalBasis != null && !legalBasis.isBlank();
    }

    /**
     * Every id by which this message may concern another one: its own id, its correlation id, the id it answers and
     * the values of its case references (without their system), in that order, each once.
     */
    public List<String> referencedIds() {
        Set<String> ids = new LinkedHashSet<>();
        addIfPresent(ids, messageId);
        addIfPresent(ids, correlationId);
        addIfPresent(ids, inReplyTo);
        for (String reference : caseReferences) {
            // System names contain no ':' (canonical schema, SystemName), so the value follows the first one.
            int colon = reference.indexOf(':');
            addIfPresent(ids, colon < 0 ? reference : reference.substring(colon + 1));
        }
        return List.copyOf(ids);
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}
