package uk.xborder.gateway.inbound;

import java.util.UUID;

import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.DeliveryAttempt;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.Recording;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Records the inbound pipeline's exchanges in the exchange store, one per envelope taken in: RECEIVED on admission,
 * DELIVERED once the agency's queue has it (with the attempt), or REJECTED or FAILED with the envelope exactly as
 * received kept (sealed) to replay, unless it was too large to read or not text or bytes. Each write is made before
 * the step that depends on it, in the consumer's transaction, and a redelivery records into the same row.
 */
public final class InboundExchanges {

    private final ExchangeStore store;

    public InboundExchanges(ExchangeStore store) {
        this.store = store;
    }

    void received(InboundMessage message) {
        store.record(recording(message, ExchangeState.RECEIVED));
    }

    void delivered(InboundMessage message, String endpoint) {
        store.record(recording(message, ExchangeState.DELIVERED)
                .attempt(DeliveryAttempt.delivered(message.processingId() + "/1", endpoint)));
    }

    /** A repeat of an envelope already delivered: answered with the receipt on record, not delivered again. */
    void repeated(InboundMessage message) {
        store.record(recording(message, ExchangeState.DELIVERED).reason(ReasonCode.DUPLICATE_MESSAGE.name(),
                "A repeat of message " + message.messageId().orElse("(no id)") + ", already delivered: answered "
                        + "with the receipt on record and not delivered again."));
    }

    /**
     * Refused (REJECTED) or held after a fault (FAILED), with the envelope as received when it was read (one refused
     * for its size or its JMS type is recorded without: its explanation gives its length and SHA-256).
     */
    String held(InboundMessage message, ExchangeState state, ReasonCode reason, String explanation) {
        Recording recording = recording(message, state).reason(reason.name(), explanation);
        message.originalBytes().ifPresent(envelope -> recording.content(ContentKind.RECEIVED_ENVELOPE, envelope));
        store.record(recording);
        return recording.reference();
    }

    private static Recording recording(InboundMessage message, ExchangeState state) {
        String agency = message.agency().map(Agency::id).orElse(null);
        return Recording.of(ExchangeReferences.inbound(message.exchangeId()), Direction.INBOUND, message.exchangeId(),
                        state)
                .parties(agency, message.partner().map(Partner::id).orElse(message.claimed().from().orElse(null)),
                        agency)
                .message(message.messageId().orElse(null), message.transportMessageId());
    }

    static String newProcessingId() {
        return UUID.randomUUID().toString();
    }
}
