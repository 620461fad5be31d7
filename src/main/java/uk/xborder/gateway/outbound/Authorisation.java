package uk.xborder.gateway.outbound;

import java.util.LinkedHashSet;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.policy.RecipientPolicy;

/**
 * Asks the policy about each recipient the sender named. Allowed recipients go on to delivery; refused ones are
 * recorded with their reason and named in the status notice. One refusal never stops the others.
 */
public final class Authorisation {

    private final RecipientPolicy policy;
    private final OutboundAudit audit;

    public Authorisation(RecipientPolicy policy, OutboundAudit audit) {
        this.policy = policy;
        this.audit = audit;
    }

    public void authorise(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message) {
        MessageFacts facts = message.facts().orElseThrow();
        for (String recipient : new LinkedHashSet<>(facts.recipients())) {
            if (message.replayedFor().filter(only -> !only.equals(recipient)).isPresent()) {
                // a replay of one recipient's refusal: the others were dealt with when the agency sent it
                continue;
            }
            try {
                policy.authorise(facts, recipient);
                message.allow(recipient);
                audit.recipientStep(message, recipient, Step.AUTHORISED,
                        message.originalDigest());
            } catch (MessageRejectedException refused) {
                message.result(RecipientResult.rejected(recipient, refused));
                audit.recipientOutcome(message, recipient, Step.REFUSED,
                        AuditOutcome.REFUSED, refused.reason(), refused.explanation());
            }
        }
    }
}
