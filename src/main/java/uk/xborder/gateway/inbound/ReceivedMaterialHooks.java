package uk.xborder.gateway.inbound;

import uk.xborder.gateway.ledger.ReceivedMaterial;
import uk.xborder.gateway.requests.RequestFacts;
import uk.xborder.gateway.requests.RequestTracking;

/**
 * What the gateway remembers of every message it takes in from a partner: its handling restriction, before the
 * agency has it (so that material which may not travel further is refused on the way out, whatever the agency does
 * with it), and the request for information it opens or the one of ours it answers, once delivered.
 */
public final class ReceivedMaterialHooks implements ReceivedHooks {

    private final ReceivedMaterial material;
    private final RequestTracking requests;

    public ReceivedMaterialHooks(ReceivedMaterial material, RequestTracking requests) {
        this.material = material;
        this.requests = requests;
    }

    @Override
    public void beforeDelivery(ReceivedMessage message) {
        // The code as the provider set it, not its translation for the agency: the provider's restriction is the rule.
        material.record(message.facts().messageId(), message.partner().id(), message.facts().handlingScheme(),
                message.facts().handlingCode());
    }

    @Override
    public void afterDelivery(ReceivedMessage message) {
        requests.received(message.exchangeId(), RequestFacts.of(message.canonical()), message.partner().id(),
                message.agency(), message.receivedAt());
    }
}
