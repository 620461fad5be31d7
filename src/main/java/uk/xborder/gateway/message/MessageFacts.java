package uk.xborder.gateway.message;

import java.util.List;

import uk.xborder.gateway.directory.Marking;
import uk.xborder.gateway.message.GradingScheme;

/**
 * What the gateway needs to know about a canonical message to route, authorise and audit it — and nothing of its
 * content. Extracted once from the canonical model so that policy and audit do not depend on generated types.
 */
public record MessageFacts(String messageId, String correlationId, List<String> caseReferences, String messageType,
                           String sender, List<String> recipients, Marking marking, GradingScheme handlingScheme,
                           String handlingCode, String legalBasis, String purpose) {

    public MessageFacts {
        caseReferences = List.copyOf(caseReferences);
        recipients = List.copyOf(recipients);
    }

    public String handling() {
        return handlingScheme + " " + handlingCode;
    }

    public boolean hasLegalBasis() {
        return legalBasis != null && !legalBasis.isBlank();
    }
}
