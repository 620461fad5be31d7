package uk.xborder.gateway.receipt;

import java.time.Instant;

import uk.xborder.gateway.ledger.AwaitingDelivery;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * A receipt whose signature, signer, addressee, message and digest all hold: what the partner says about one
 * delivery.
 *
 * @param delivery    the delivery it answers, as it stood when the receipt was verified
 * @param outcome     ACKNOWLEDGED (the partner's DELIVERED) or REFUSED_BY_PARTNER (its REFUSED)
 * @param reason      the partner's reason code for a refusal (REFUSED_BY_PARTNER when it gave none); null otherwise
 * @param explanation the partner's sentence, if any
 * @param receivedAt  when the partner says it first received the envelope
 */
public record VerifiedReceipt(AwaitingDelivery delivery, ReceiptState outcome, ReasonCode reason, String explanation,
                              Instant receivedAt) {
}
