package uk.xborder.gateway.inbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Decides that the agency may have the message: the partner itself named the agency among the signed message's
 * recipients (the clear header alone, which anyone on the way could have changed, never decides who reads it), and
 * no hook refuses it.
 */
public final class AddresseeAuthorisation {

    private final ReceivedHooks hooks;
    private final InboundAudit audit;

    public AddresseeAuthorisation(ReceivedHooks hooks, InboundAudit audit) {
        this.hooks = hooks;
        this.audit = audit;
    }

    public void authorise(@ExchangeProperty(ExchangeProperties.INBOUND) InboundMessage message) {
        Agency agency = message.agency().orElseThrow();
        if (!message.facts().orElseThrow().recipients().contains(agency.partyId())) {
            throw new MessageRejectedException(ReasonCode.HEADER_MISMATCH, "The envelope's clear header addresses"
                    + " it to '" + agency.partyId() + "', whom the signed message does not name as a recipient.");
        }
        hooks.beforeDelivery(ReceivedMessage.of(message));
        audit.step(message, Step.AUTHORISED, message.originalDigest());
    }
}
