package uk.xborder.gateway.inbound;

import java.util.List;

import uk.xborder.gateway.pipeline.MessageRejectedException;

/**
 * Call-outs for capabilities that follow what partners send without being steps of the pipeline themselves (response
 * deadlines of requests for information, restrictions that travel with received material). Bound as
 * {@code receivedHooks}; the default does nothing. Both run inside the exchange's transaction: a fault in either
 * rolls it back like any other step's.
 */
public interface ReceivedHooks {

    /** Does nothing: the gateway's own default. */
    ReceivedHooks NONE = new ReceivedHooks() {
    };

    /** Several hooks, called in order (the first refusal stops the rest). */
    static ReceivedHooks all(List<ReceivedHooks> hooks) {
        List<ReceivedHooks> inOrder = List.copyOf(hooks);
        return new ReceivedHooks() {
            @Override
            public void beforeDelivery(ReceivedMessage message) {
                inOrder.forEach(hook -> hook.beforeDelivery(message));
            }

            @Override
            public void afterDelivery(ReceivedMessage message) {
                inOrder.forEach(hook -> hook.afterDelivery(message));
            }
        };
    }

    /**
     * The message is verified, canonical and authorised for the agency, and about to be translated and delivered.
     *
     * @throws MessageRejectedException to refuse it (the partner's receipt then says why)
     */
    default void beforeDelivery(ReceivedMessage message) {
    }

    /** The message was handed to the agency's queue. */
    default void afterDelivery(ReceivedMessage message) {
    }
}
