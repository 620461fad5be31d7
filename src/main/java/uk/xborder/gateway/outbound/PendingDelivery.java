package uk.xborder.gateway.outbound;

import java.time.Instant;
import java.util.Objects;

import org.apache.camel.Message;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * A delivery to one partner waiting for its next attempt, as its message on the partner's retry queue
 * ({@code gw.retry.<partner>}) carries it: the sealed envelope is the body (encrypted for the partner: no clear
 * content waits on the queue), these are its headers. Every attempt sends the same envelope with the same message
 * id and duplicate-detection id, so a partner that got an attempt that seemed to fail takes the next one as a repeat.
 *
 * @param exchangeId         the exchange
 * @param agency             the agency that sent the message, whose status queue hears how it ends
 * @param recipient          the partner
 * @param messageId          the agency's message id (the envelope's MessageId)
 * @param transportMessageId the JMS message id of the agency's message, which its notices name
 * @param endpoint           where the envelope goes: the partner's endpoint at the first hand-over
 * @param attempt            the number of the attempt this is for (the first hand-over was 1)
 * @param deliveryId         the duplicate-detection id of every attempt
 * @param replay             the operator's replay these attempts belong to (0: none, the delivery's own attempts);
 *                           a replay numbers its attempts from 1 again, under keys of its own
 */
public record PendingDelivery(String exchangeId, String agency, String recipient, String messageId,
                              String transportMessageId, String endpoint, int attempt, String deliveryId,
                              int replay) {

    public PendingDelivery {
        Objects.requireNonNull(exchangeId, GatewayHeaders.EXCHANGE_ID);
        Objects.requireNonNull(agency, GatewayHeaders.AGENCY);
        Objects.requireNonNull(recipient, GatewayHeaders.RECIPIENT);
        Objects.requireNonNull(messageId, GatewayHeaders.MESSAGE_ID);
        Objects.requireNonNull(transportMessageId, GatewayHeaders.TRANSPORT_MESSAGE_ID);
        Objects.requireNonNull(endpoint, GatewayHeaders.ENDPOINT);
        Objects.requireNonNull(deliveryId, GatewayHeaders.DELIVERY_ID);
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1, not " + attempt);
        }
        if (replay < 0) {
            throw new IllegalArgumentException("replays are numbered from 1, not " + replay);
        }
    }

    /**
     * The first attempt of an operator's replay of a delivery that was given up (or, forced, of one delivered): the
     * same envelope, message id and duplicate-detection id as every attempt before it, so a partner that has it
     * takes it as a repeat.
     *
     * @param replay a number no earlier replay of this exchange had (the exchange's version once replayed)
     */
    public static PendingDelivery replayOf(String exchangeId, String agency, String recipient, String messageId,
                                           String transportMessageId, String endpoint, int replay) {
        return new PendingDelivery(exchangeId, agency, recipient, messageId, transportMessageId, endpoint, 1,
                Wrapping.duplicateId(agency, messageId, recipient), replay);
    }

    /**
     * What tells this attempt apart from every other of the delivery, in attempt and audit keys:
     * {@code attempt-2}, or {@code replay-7/attempt-2} for a replay's.
     */
    String attemptLabel() {
        return roundLabel("/") + "attempt-" + attempt;
    }

    /** The replay's part of a key ({@code replay-7} and the separator), empty for the delivery's own attempts. */
    String roundLabel(String separator) {
        return replay == 0 ? "" : "replay-" + replay + separator;
    }

    /** The first hand-over of an envelope the outbound route just wrapped. */
    static PendingDelivery firstOf(OutboundMessage message, String recipient, String endpoint) {
        String messageId = message.messageId().orElseThrow();
        return new PendingDelivery(message.exchangeId(), message.agency().id(), recipient, messageId,
                message.transportMessageId(), endpoint, 1, Wrapping.duplicateId(message.agency().id(), messageId,
                recipient), 0);
    }

    /** The same delivery, for its next attempt. */
    PendingDelivery next() {
        return new PendingDelivery(exchangeId, agency, recipient, messageId, transportMessageId, endpoint,
                attempt + 1, deliveryId, replay);
    }

    /** How the envelope travels, by its endpoint (as for a resend: the way it first went, whatever the directory says now). */
    public Partner.Transport transport() {
        return endpoint.startsWith("https://") ? Partner.Transport.HTTPS : Partner.Transport.JMS;
    }

    /**
     * Writes this delivery over the message's headers, for the retry queue, to be delivered no earlier than
     * {@code due}. The retry message has a duplicate-detection id of its own, per attempt, in place of the
     * hand-over's: should the same attempt ever be scheduled twice, the broker keeps one.
     */
    void writeTo(Message message, Instant due) {
        handOverHeaders(message);
        message.setHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, transportMessageId);
        message.setHeader(GatewayHeaders.ENDPOINT, endpoint);
        message.setHeader(GatewayHeaders.ATTEMPT, attempt);
        message.setHeader(GatewayHeaders.DELIVERY_ID, deliveryId);
        message.setHeader(GatewayHeaders.ARTEMIS_SCHEDULED_DELIVERY, due.toEpochMilli());
        if (replay > 0) {
            message.setHeader(GatewayHeaders.REPLAY, replay);
        }
        message.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, "retry|" + deliveryId + "|" + roundLabel("|")
                + attempt);
    }

    /** Reads the delivery a retry message carries; one that lacks any of it is the gateway's own fault. */
    static PendingDelivery readFrom(Message message) {
        Integer attempt = message.getHeader(GatewayHeaders.ATTEMPT, Integer.class);
        Integer replay = message.getHeader(GatewayHeaders.REPLAY, Integer.class);
        return new PendingDelivery(message.getHeader(GatewayHeaders.EXCHANGE_ID, String.class),
                message.getHeader(GatewayHeaders.AGENCY, String.class),
                message.getHeader(GatewayHeaders.RECIPIENT, String.class),
                message.getHeader(GatewayHeaders.MESSAGE_ID, String.class),
                message.getHeader(GatewayHeaders.TRANSPORT_MESSAGE_ID, String.class),
                message.getHeader(GatewayHeaders.ENDPOINT, String.class),
                attempt == null ? 0 : attempt,
                message.getHeader(GatewayHeaders.DELIVERY_ID, String.class),
                replay == null ? 0 : replay);
    }

    /**
     * Sets the headers the envelope is handed over with, the same at every attempt as at the first
     * ({@link Wrapping}): the partner's consumers may select on them, and its broker drops a repeat by the
     * duplicate-detection id.
     */
    void handOverHeaders(Message message) {
        message.removeHeaders("*");
        message.setHeader(GatewayHeaders.MESSAGE_ID, messageId);
        message.setHeader(GatewayHeaders.EXCHANGE_ID, exchangeId);
        message.setHeader(GatewayHeaders.AGENCY, agency);
        message.setHeader(GatewayHeaders.RECIPIENT, recipient);
        message.setHeader(GatewayHeaders.ARTEMIS_DUPLICATE_ID, deliveryId);
    }
}
