package uk.xborder.gateway.inbound;

import java.time.Instant;

import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/**
 * What the inbound pipeline knows of a message it is delivering, for {@link ReceivedHooks}: verified as the
 * partner's, in the canonical model, addressed to the agency.
 *
 * @param exchangeId the gateway's id for this inbound exchange
 * @param partner    the partner that sent it (and signed it)
 * @param agency     the agency it is for
 * @param canonical  the message in the canonical model (not to be changed)
 * @param facts      its routing, policy and audit facts
 * @param receivedAt when the envelope first arrived
 */
public record ReceivedMessage(String exchangeId, Partner partner, Agency agency, IntelligenceMessage canonical,
                              MessageFacts facts, Instant receivedAt) {

    static ReceivedMessage of(InboundMessage message) {
        return new ReceivedMessage(message.exchangeId(), message.partner().orElseThrow(),
                message.agency().orElseThrow(), message.canonical(), message.facts().orElseThrow(),
                message.receivedAt());
    }
}
