package uk.xborder.gateway.outbound;

import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.DeliveryAttempt;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.Recording;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Records the outbound pipeline's exchanges in the exchange store: one per agency message and recipient, from the
 * moment its envelope is handed over (PROCESSING) to DELIVERED, or REJECTED with the original kept to replay once
 * the cause is fixed, or FAILED with what was prepared (the sealed envelope, or the original when preparation
 * itself failed); and one for the message as a whole when it is refused or held before any recipient (without the
 * original when it was too large to read, or not text or bytes: nothing of it is kept). Every write is made before
 * the step that depends on it (the hand-over, the holding queue), in the consumer's transaction: a write that fails
 * fails the exchange, which is redelivered, and records into the same rows again.
 */
public final class OutboundExchanges {

    private final ExchangeStore store;

    public OutboundExchanges(ExchangeStore store) {
        this.store = store;
    }

    /** The envelope for this recipient is about to be handed to its endpoint. */
    void processing(OutboundMessage message, String recipient) {
        store.record(forRecipient(message, recipient, ExchangeState.PROCESSING));
    }

    /** The endpoint took it. */
    void delivered(OutboundMessage message, String recipient, String endpoint) {
        store.record(forRecipient(message, recipient, ExchangeState.DELIVERED)
                .attempt(DeliveryAttempt.delivered(attemptKey(message, recipient), endpoint)));
    }

    /** An attempt failed and is about to be retried. */
    void attemptFailed(OutboundMessage message, String recipient, String endpoint, Throwable cause) {
        store.record(forRecipient(message, recipient, ExchangeState.PROCESSING)
                .attempt(DeliveryAttempt.failed(attemptKey(message, recipient), endpoint, cause)));
    }

    /** The last attempt failed: held to replay what was prepared. */
    String failed(OutboundMessage message, String recipient, ReasonCode reason, String explanation,
                  byte[] envelopeOrNull, String endpoint, Throwable cause) {
        Recording recording = forRecipient(message, recipient, ExchangeState.FAILED)
                .reason(reason.name(), explanation)
                .attempt(DeliveryAttempt.failed(attemptKey(message, recipient), endpoint, cause));
        store.record(envelopeOrNull != null ? recording.content(ContentKind.SEALED_ENVELOPE, envelopeOrNull)
                : withOriginal(recording, message));
        return recording.reference();
    }

    /** An attempt made off the agency's queue (a retry) failed; the delivery waits for its next attempt. */
    void retryFailed(PendingDelivery delivery, Throwable cause) {
        store.record(forDelivery(delivery, ExchangeState.PROCESSING)
                .attempt(DeliveryAttempt.failed(retryAttemptKey(delivery), delivery.endpoint(), cause)));
    }

    /**
     * An attempt made off the agency's queue got through: DELIVERED, or still ACKNOWLEDGED for a forced replay of a
     * delivery the partner's receipt had closed already.
     */
    void retryDelivered(PendingDelivery delivery, boolean acknowledgedAlready) {
        store.record(forDelivery(delivery, acknowledgedAlready ? ExchangeState.ACKNOWLEDGED : ExchangeState.DELIVERED)
                .attempt(DeliveryAttempt.delivered(retryAttemptKey(delivery), delivery.endpoint())));
    }

    /** The last attempt off the agency's queue failed, or one failed for good: held to replay the sealed envelope. */
    String retryGivenUp(PendingDelivery delivery, ReasonCode reason, String explanation, byte[] envelope,
                        Throwable cause) {
        Recording recording = forDelivery(delivery, ExchangeState.FAILED)
                .reason(reason.name(), explanation)
                .attempt(DeliveryAttempt.failed(retryAttemptKey(delivery), delivery.endpoint(), cause))
                .content(ContentKind.SEALED_ENVELOPE, envelope);
        store.record(recording);
        return recording.reference();
    }

    /** This recipient was refused: the original is kept, to send it once the cause is fixed. */
    String refused(OutboundMessage message, RecipientResult refusal) {
        Recording recording = withOriginal(forRecipient(message, refusal.partyId(), ExchangeState.REJECTED)
                .reason(refusal.reason().name(), refusal.explanation()), message);
        store.record(recording);
        return recording.reference();
    }

    /**
     * The message as a whole was refused (REJECTED) or held after a fault (FAILED), with its original when it was
     * read (one refused for its size or its JMS type is recorded without: its explanation gives its length and
     * SHA-256).
     */
    String wholeMessage(OutboundMessage message, ExchangeState state, ReasonCode reason, String explanation) {
        Recording recording = withOriginal(Recording.of(ExchangeReferences.wholeMessage(message.exchangeId()),
                        Direction.OUTBOUND, message.exchangeId(), state)
                .parties(message.agency().id(), null, null)
                .message(message.messageId().orElse(null), message.transportMessageId())
                .reason(reason.name(), explanation), message);
        store.record(recording);
        return recording.reference();
    }

    /** The original to replay, when the gateway read it: a body too large to read, or not text or bytes, has none. */
    private static Recording withOriginal(Recording recording, OutboundMessage message) {
        message.originalBytes().ifPresent(original -> recording.content(ContentKind.ORIGINAL_MESSAGE, original));
        return recording;
    }

    private static Recording forRecipient(OutboundMessage message, String recipient, ExchangeState state) {
        return Recording.of(ExchangeReferences.outbound(message.exchangeId(), recipient), Direction.OUTBOUND,
                        message.exchangeId(), state)
                .parties(message.agency().id(), recipient, recipient)
                .message(message.messageId().orElse(null), message.transportMessageId());
    }

    private static Recording forDelivery(PendingDelivery delivery, ExchangeState state) {
        return Recording.of(ExchangeReferences.outbound(delivery.exchangeId(), delivery.recipient()),
                        Direction.OUTBOUND, delivery.exchangeId(), state)
                .parties(delivery.agency(), delivery.recipient(), delivery.recipient())
                .message(delivery.messageId(), delivery.transportMessageId());
    }

    /**
     * Attempt n of a retried delivery (of replay r): the same key when a rolled-back attempt is made again, another
     * for each replay's.
     */
    private static String retryAttemptKey(PendingDelivery delivery) {
        return delivery.deliveryId() + "/" + delivery.roundLabel("/") + "attempt/" + delivery.attempt();
    }

    /**
     * The next attempt for this recipient in this processing of the message (a redelivery of the JMS message is
     * another processing, with attempts of its own), so that each attempt has a key of its own.
     */
    private static String attemptKey(OutboundMessage message, String recipient) {
        return message.processingId() + "/" + recipient + "/" + message.nextAttempt(recipient);
    }
}
