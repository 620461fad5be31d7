package uk.xborder.gateway.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * One delivery of an envelope to a partner, as the ledger records it while the partner's receipt is awaited (and
 * after, as closed). The envelope bytes themselves are read separately ({@link AwaitingReceipts#envelope}), only
 * when they are sent again.
 *
 * @param exchangeId         the exchange the envelope belongs to (its header's ExchangeId)
 * @param partner            the partner it was sent to
 * @param agency             the agency that sent the message
 * @param messageId          the message id (the envelope header's MessageId)
 * @param transportMessageId the JMS message id of the agency's message, which its status notices name
 * @param payloadDigest      SHA-256 of the envelope's Payload octets (the CMS bytes), hex
 * @param endpoint           where the envelope was sent, and is sent again
 * @param firstSentAt        when it was first handed over
 * @param attempts           how many times it has been sent (1 after the first delivery)
 * @param nextDueAt          when it is overdue (or an unfinished FAILED notice may be taken up again)
 * @param state              where it stands
 * @param closingReason      the reason code that closed it, if any (the partner's for a refusal)
 * @param closingExplanation the sentence that goes with it
 * @param notified           whether the agency has been told a FAILED outcome
 * @param revision           bumped by every change; claims are conditional on it
 */
public record AwaitingDelivery(String exchangeId, String partner, String agency, String messageId,
                               String transportMessageId, String payloadDigest, String endpoint, Instant firstSentAt,
                               int attempts, Instant nextDueAt, ReceiptState state, String closingReason,
                               String closingExplanation, boolean notified, int revision) {

    public Optional<String> reason() {
        return Optional.ofNullable(closingReason);
    }
}
