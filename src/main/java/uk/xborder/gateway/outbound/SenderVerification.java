package uk.xborder.gateway.outbound;

import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.ledger.AcceptedMessages;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Checks that the message is what its queue says it is: put there by the agency that owns the queue, as the broker
 * vouches (the user it validated, {@link GatewayHeaders#BROKER_VALIDATED_USER}); naming that agency as its sender;
 * and not a message id that agency has already had accepted.
 *
 * <p>Decision: the broker user must be the agency's id. Without a validated user (an external broker that does not
 * stamp it) the message is refused, unless the settings say that the broker's permissions alone keep the queue to
 * its agency ({@code gateway.broker.validated-user-required=false}); then the queue's owner is taken as the sender.
 */
public final class SenderVerification {

    // A user name worth repeating to the agency; anything else is not echoed into the notice.
    private static final Pattern PLAIN_USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final PartyDirectory directory;
    private final AcceptedMessages accepted;
    private final OutboundAudit audit;
    private final boolean validatedUserRequired;

    private final ReplayClaims replays;

    /**
     * @param store       the exchange store, which vouches for an operator's replay
     * @param gatewayUser the broker user the gateway logs in as, whose replays it takes as the agency's
     */
    public SenderVerification(PartyDirectory directory, AcceptedMessages accepted, OutboundAudit audit,
                              boolean validatedUserRequired, ExchangeStore store, String gatewayUser) {
        this.directory = directory;
        this.accepted = accepted;
        this.audit = audit;
        this.validatedUserRequired = validatedUserRequired;
        this.replays = new ReplayClaims(store, gatewayUser);
    }

    public void verify(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message,
                       @Header(GatewayHeaders.BROKER_VALIDATED_USER) String brokerUser,
                       @Header(GatewayHeaders.REPLAY_OF) String replayOf) {
        MessageFacts facts = message.facts().orElseThrow();
        String queueOwner = message.agency().id();
        Optional<StoredExchange> replayed = replays.proven(message, brokerUser, replayOf);
        if (replayed.isPresent()) {
            message.replayOf(replayed.get());
        } else {
            checkBrokerUser(queueOwner, brokerUser);
        }
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
                // A replay of one recipient's refusal: the message id was accepted for the others, from the original
                // (or, for the refusal of an earlier replay, from the original that one was made of). It is not a
                // duplicate: that recipient never had it, and each refusal is replayed at most once (the operator's
                // compare-and-set, REPLAYED_ALREADY), under the recipient's own broker duplicate id.
                .filter(via -> message.replayedFor().isEmpty())
                .ifPresent(via -> {
                    throw new MessageRejectedException(ReasonCode.DUPLICATE_MESSAGE,
                            "Message id '" + facts.messageId() + "' was already accepted from '" + queueOwner
                                    + "'; it is not delivered again.");
                });
        if (replayed.isPresent()) {
            StoredExchange original = replayed.get();
            audit.step(message, Step.SENDER_VERIFIED, message.originalDigest(), "An operator's replay of exchange "
                    + original.exchangeId() + " (reference " + original.reference() + "), put here by the gateway"
                    + " and vouched for by the exchange store: taken as sent by '" + queueOwner + "'"
                    + (original.recipient() == null ? "." : ", for '" + original.recipient() + "' alone."));
        } else {
            audit.step(message, Step.SENDER_VERIFIED, message.originalDigest());
        }
    }

    private void checkBrokerUser(String queueOwner, String brokerUser) {
        if (brokerUser == null || brokerUser.isEmpty()) {
            if (validatedUserRequired) {
                throw new MessageRejectedException(ReasonCode.SENDER_NOT_AUTHENTICATED, "The broker did not say "
                        + "which user put the message on the queue of '" + queueOwner + "'; only a message put there "
                        + "by the broker user '" + queueOwner + "' is accepted.");
            }
            return;
        }
        if (!brokerUser.equals(queueOwner)) {
            String who = PLAIN_USER_NAME.matcher(brokerUser).matches() ? "'" + brokerUser + "'" : "another user";
            throw new MessageRejectedException(ReasonCode.SENDER_NOT_AUTHENTICATED, "The message was put on the "
                    + "queue of '" + queueOwner + "' by the broker user " + who + ", not by '" + queueOwner + "'.");
        }
    }

    /** Last step of a completed exchange: from now on the same message id is a duplicate. */
    public void remember(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message) {
        if (message.replayedFor().isPresent()) {
            // accepted already, from the original the replay was made of
            return;
        }
        accepted.remember(message.agency().id(), message.messageId().orElseThrow(), message.transportMessageId());
    }
}
