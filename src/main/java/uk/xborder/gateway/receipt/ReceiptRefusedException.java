package uk.xborder.gateway.receipt;

import java.util.Optional;

import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * A receipt the gateway cannot accept. It changes nothing: it is kept on the rejected queue with its reason and
 * audited - under the exchange it claims to answer when that much could be established, so that the exchange's
 * own trail shows a forged or mismatching receipt.
 */
public final class ReceiptRefusedException extends MessageRejectedException {

    private final transient AwaitingDelivery delivery;

    ReceiptRefusedException(ReasonCode reason, String explanation, AwaitingDelivery deliveryOrNull) {
        super(reason, explanation);
        this.delivery = deliveryOrNull;
    }

    /** The delivery the receipt was matched to, when it got that far. */
    public Optional<AwaitingDelivery> delivery() {
        return Optional.ofNullable(delivery);
    }
}
