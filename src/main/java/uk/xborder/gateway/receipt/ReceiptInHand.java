package uk.xborder.gateway.receipt;

import java.util.Objects;

import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.AwaitingReceipts;

/**
 * A receipt on its way through {@code routes/receipts.camel.yaml}, kept as an exchange property
 * ({@link uk.xborder.gateway.pipeline.ExchangeProperties#RECEIPT}): what it says, which delivery of it this is, and
 * - once the ledger has been asked - whether it closed the exchange.
 */
public final class ReceiptInHand {

    private final VerifiedReceipt receipt;
    private final String deliveryId;
    private final String digest;
    private AwaitingReceipts.Closing closing;

    ReceiptInHand(VerifiedReceipt receipt, String deliveryId, String digest) {
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.deliveryId = Objects.requireNonNull(deliveryId, "deliveryId");
        this.digest = Objects.requireNonNull(digest, "digest");
    }

    public VerifiedReceipt receipt() {
        return receipt;
    }

    /** Its JMS message id, or the digest of its bytes when it did not come over JMS. */
    public String deliveryId() {
        return deliveryId;
    }

    /** SHA-256 of the receipt's bytes, hex. */
    public String digest() {
        return digest;
    }

    /** The delivery as it stands after the receipt was applied (before that, as it was verified). */
    public AwaitingDelivery delivery() {
        return closing == null ? receipt.delivery() : closing.delivery();
    }

    void closing(AwaitingReceipts.Closing result) {
        this.closing = result;
    }

    /** True when this receipt closed the exchange, so the agency is to be told; false for one already closed. */
    public boolean closesTheExchange() {
        return closing != null && closing.closesNow();
    }
}
