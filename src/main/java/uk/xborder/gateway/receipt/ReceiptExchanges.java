package uk.xborder.gateway.receipt;

import java.util.Optional;

import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.DeliveryAttempt;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.Recording;
import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Records in the exchange store what receipts do to an outbound exchange with one partner (the same row the
 * outbound pipeline recorded it in): ACKNOWLEDGED, REJECTED by the partner, each resend an attempt, FAILED for want
 * of a receipt with the envelope kept to replay; and a receipt the gateway could not accept, as an inbound exchange
 * of its own with the receipt kept.
 */
final class ReceiptExchanges {

    private final ExchangeStore store;

    ReceiptExchanges(ExchangeStore store) {
        this.store = store;
    }

    void acknowledged(AwaitingDelivery delivery) {
        store.record(forDelivery(delivery, ExchangeState.ACKNOWLEDGED));
    }

    /** The partner refused it: kept, with its envelope, for an operator to send again once the cause is fixed. */
    void refusedByPartner(AwaitingDelivery delivery, String explanation, byte[] envelope) {
        store.record(forDelivery(delivery, ExchangeState.REJECTED)
                .reason(ReasonCode.REFUSED_BY_PARTNER.name(), explanation)
                .content(ContentKind.SEALED_ENVELOPE, envelope));
    }

    /**
     * The endpoint took the same envelope again: an attempt of the exchange, which stays as it is (over HTTPS the
     * receipt in the response may already have closed it).
     */
    void resent(AwaitingDelivery delivery, int resendNumber) {
        store.recordAttempt(ExchangeReferences.outbound(delivery.exchangeId(), delivery.partner()),
                DeliveryAttempt.delivered("resend-" + resendNumber, delivery.endpoint()));
    }

    String noReceipt(AwaitingDelivery delivery, String explanation, byte[] envelope) {
        Recording recording = forDelivery(delivery, ExchangeState.FAILED)
                .reason(ReasonCode.NO_RECEIPT.name(), explanation)
                .content(ContentKind.SEALED_ENVELOPE, envelope);
        store.record(recording);
        return recording.reference();
    }

    /**
     * A receipt refused as received, under the delivery it came in (and the exchange it claims, if matched), kept
     * when it was read (one too large to read, or not text or bytes, is not).
     */
    String refusedReceipt(String deliveryId, String exchangeId, AwaitingDelivery claimedOrNull, ReasonCode reason,
                          String explanation, Optional<byte[]> receipt) {
        Recording recording = Recording.of(ExchangeReferences.refusedReceipt(deliveryId), Direction.INBOUND,
                        exchangeId, ExchangeState.REJECTED)
                .message(claimedOrNull == null ? null : claimedOrNull.messageId(), deliveryId)
                .reason(reason.name(), explanation);
        receipt.ifPresent(bytes -> recording.content(ContentKind.RECEIVED_RECEIPT, bytes));
        if (claimedOrNull != null) {
            recording.parties(claimedOrNull.agency(), claimedOrNull.partner(), claimedOrNull.agency());
        }
        store.record(recording);
        return recording.reference();
    }

    private static Recording forDelivery(AwaitingDelivery delivery, ExchangeState state) {
        return Recording.of(ExchangeReferences.outbound(delivery.exchangeId(), delivery.partner()),
                        Direction.OUTBOUND, delivery.exchangeId(), state)
                .parties(delivery.agency(), delivery.partner(), delivery.partner())
                .message(delivery.messageId(), delivery.transportMessageId());
    }
}
