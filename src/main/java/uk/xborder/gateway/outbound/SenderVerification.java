package uk.xborder.gateway.outbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.ledger.AcceptedMessages;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Checks that the message is what its queue says it is: sent by the agency that owns the queue, and not a message id
 * that agency has already had accepted.
 */
public final class SenderVerification {

    private final PartyDirectory directory;
    private final AcceptedMessages accepted;
    private final OutboundAudit audit;

    public SenderVerification(PartyDirectory directory, AcceptedMessages accepted, OutboundAudit audit) {
        this.directory = directory;
        this.accepted = accepted;
        this.audit = audit;
    }

    public void verify(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message) {
        MessageFacts facts = message.facts().orElseThrow();
        String queueOwner = message.agency().id();
        // An agency may name itself by its id or by the party id partners know it by (europol-ops as europol).
        boolean sentByOwner = queueOwner.equals(facts.sender()) || message.agency().partyId().equals(facts.sender());
        if (!sentByOwner) {
            if (directory.agency(facts.sender()).isEmpty() && directory.agencyAddressedAs(facts.sender()).isEmpty()) {
                throw new MessageRejectedException(ReasonCode.UNKNOWN_AGENCY,
                        "The message names sender '" + facts.sender() + "', which is not a configured agency.");
            }
            throw new MessageRejectedException(ReasonCode.SENDER_MISMATCH,
                    "The message names sender '" + facts.sender() + "' but arrived on the queue of '"
                            + queueOwner + "'.");
        }
        accepted.acceptedVia(queueOwner, facts.messageId())
                .filter(via -> !via.equals(message.transportMessageId()))
                .ifPresent(via -> {
                    throw new MessageRejectedException(ReasonCode.DUPLICATE_MESSAGE,
                            "Message id '" + facts.messageId() + "' was already accepted from '" + queueOwner
                                    + "'; it is not delivered again.");
                });
        audit.step(message, Step.SENDER_VERIFIED, message.originalDigest());
    }

    /** Last step of a completed exchange: from now on the same message id is a duplicate. */
    public void remember(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message) {
        accepted.remember(message.agency().id(), message.messageId().orElseThrow(), message.transportMessageId());
    }
}
