package uk.xborder.gateway.requests;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/**
 * A request for information marked urgent states its reasons (Directive (EU) 2023/977 Art. 4(4)): the requested
 * party decides on the shorter time limit from them. Checked with the canonical message's other rules
 * ({@code format.CanonicalRules}), so it holds for every message translated, whichever way it travels.
 */
public final class UrgencyRule {

    private UrgencyRule() {
    }

    /** @throws MessageRejectedException {@code URGENCY_WITHOUT_REASONS} for an urgent request without reasons */
    public static void check(IntelligenceMessage message) {
        RequestFacts facts = RequestFacts.of(message);
        if (facts.isRequest() && facts.urgent() && !facts.reasonsGiven()) {
            throw new MessageRejectedException(ReasonCode.URGENCY_WITHOUT_REASONS, "Request for information "
                    + facts.messageId() + " is marked " + message.getPriority().value() + " but gives no reasons"
                    + " for the urgency; Directive (EU) 2023/977 Art. 4(4) requires them (or send it without"
                    + " urgency).");
        }
    }
}
