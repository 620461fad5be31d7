package uk.xborder.gateway.outbound;

import java.util.List;

import uk.xborder.gateway.directory.Marking;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.message.ClassificationScheme;
import uk.xborder.gateway.message.GradingScheme;
import uk.xborder.gateway.schema.canonical.CaseReference;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Recipient;

/**
 * Reads the routing, policy and audit facts out of a canonical message (the only place that knows its shape); the
 * inbound pipeline reads them the same way.
 */
public final class CanonicalFacts {

    private CanonicalFacts() {
    }

    public static MessageFacts of(IntelligenceMessage message) {
        List<String> caseReferences = message.getCaseReferences() == null ? List.of()
                : message.getCaseReferences().getCaseReference().stream()
                        .map(CanonicalFacts::caseReference).toList();
        List<String> recipients = message.getRecipients().getRecipient().stream()
                .map(Recipient::getPartyId).toList();
        return new MessageFacts(message.getMessageId(), correlation(message), caseReferences,
                message.getMessageType().value(), message.getSender().getPartyId(), recipients,
                new Marking(ClassificationScheme.valueOf(message.getClassification().getScheme().value()),
                        message.getClassification().getLevel()),
                GradingScheme.valueOf(message.getHandling().getScheme().value()),
                message.getHandling().getCode(), message.getLegalBasis(), message.getPurpose(),
                message.getInReplyTo(), message.getClassification().getCaveat());
    }

    private static String caseReference(CaseReference reference) {
        return reference.getSystem() == null ? reference.getValue() : reference.getSystem() + ":" + reference.getValue();
    }

    private static String correlation(IntelligenceMessage message) {
        return message.getCorrelationId() != null ? message.getCorrelationId() : message.getInReplyTo();
    }
}
