package uk.xborder.gateway.outbound;

import java.util.Optional;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Decides whether a message on an agency's queue is an operator's replay ({@link OriginalReplay}) and may be taken as
 * the agency's own although the gateway's broker user put it there.
 *
 * <p>Decision: a replay is the gateway's claim, and the gateway proves it to itself. The claim
 * ({@link GatewayHeaders#REPLAY_OF}) counts only from the gateway's own broker user (which no agency can log in as);
 * from anyone else it is ignored and the message is checked as any other. From the gateway's user it must name an
 * exchange the store holds as REPLAYED, outbound, of the queue's agency, kept as that agency's original, with
 * exactly the bytes now on the queue (SHA-256): else the message is refused as SENDER_NOT_AUTHENTICATED. So a replay
 * is neither a way around sender authentication (it sends only what the agency itself once put on its queue, which
 * broker permissions keep to the agency) nor refused by it; an exchange refused for SENDER_NOT_AUTHENTICATED is
 * never replayed at all (exchange.operator.ExchangeOperator).
 */
final class ReplayClaims {

    private final ExchangeStore store;
    private final String gatewayUser;

    /** @param gatewayUser the broker user the gateway itself logs in as */
    ReplayClaims(ExchangeStore store, String gatewayUser) {
        this.store = store;
        this.gatewayUser = gatewayUser;
    }

    /**
     * The replayed exchange, if the message is a proven replay; empty if it is no replay claim from the gateway.
     *
     * @throws MessageRejectedException when the gateway's user put it there but the store does not vouch for it
     */
    Optional<StoredExchange> proven(OutboundMessage message, String brokerUser, String replayOf) {
        if (gatewayUser == null || gatewayUser.isEmpty() || !gatewayUser.equals(brokerUser)
                || replayOf == null || replayOf.isBlank()) {
            // no replay claim: checked as any message (from the gateway's user, refused as not the agency's)
            return Optional.empty();
        }
        String agency = message.agency().id();
        StoredExchange exchange = store.exchange(replayOf)
                .filter(e -> e.direction() == Direction.OUTBOUND && agency.equals(e.agency()))
                .orElseThrow(() -> unproven(agency, "names no stored exchange of '" + agency + "'"));
        if (exchange.state() != ExchangeState.REPLAYED) {
            throw unproven(agency, "names an exchange an operator has not replayed (it is " + exchange.state() + ")");
        }
        Optional<OpenedContent> original = store.openContent(replayOf)
                .filter(content -> content.kind() == ContentKind.ORIGINAL_MESSAGE);
        if (original.isEmpty() || !Digests.sha256Hex(original.get().bytes()).equals(message.originalDigest())) {
            throw unproven(agency, "is not the original the exchange store keeps for it");
        }
        return Optional.of(exchange);
    }

    private static MessageRejectedException unproven(String agency, String why) {
        return new MessageRejectedException(ReasonCode.SENDER_NOT_AUTHENTICATED, "The message was put on the queue of '"
                + agency + "' by the gateway's own broker user as a replay, but it " + why
                + "; only a replay the exchange store vouches for is taken as the agency's.");
    }
}
