package uk.xborder.gateway.receipt;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * What a receipt states about one received envelope.
 *
 * @param messageId     the message id from the envelope's header
 * @param exchangeId    the sender's exchange id from the envelope's header, if it had a readable one
 * @param issuer        the party issuing the receipt: the envelope's addressee
 * @param sender        the party the envelope came from, to whom the receipt goes
 * @param receivedAt    when the envelope first arrived
 * @param payloadSha256 SHA-256 of the envelope's payload octets as received
 * @param refusal       why it was refused; empty when it was delivered
 */
public record ReceiptFacts(String messageId, Optional<String> exchangeId, String issuer, String sender,
                           Instant receivedAt, byte[] payloadSha256, Optional<Refusal> refusal) {

    /** The reason code and the sentence a refused receipt gives. */
    public record Refusal(ReasonCode reason, String explanation) {
        public Refusal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    public ReceiptFacts {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payloadSha256 = payloadSha256.clone();
    }

    @Override
    public byte[] payloadSha256() {
        return payloadSha256.clone();
    }

    /** DELIVERED or REFUSED, as the receipt schema names them. */
    public String outcome() {
        return refusal.isPresent() ? "REFUSED" : "DELIVERED";
    }
}
