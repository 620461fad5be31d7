package uk.xborder.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The references operators use for exchanges, derived from what the pipelines know of them, so that a redelivery
 * of the same JMS message, or a later step of the same exchange (its receipt, its resends), records into the same
 * row. Name-based UUIDs: the same inputs always give the same reference, and the reference says nothing about them.
 */
public final class ExchangeReferences {

    private ExchangeReferences() {
    }

    /** An agency's message to one recipient. */
    public static String outbound(String exchangeId, String recipient) {
        return of("outbound|" + Objects.requireNonNull(exchangeId, "exchangeId") + "|"
                + Objects.requireNonNull(recipient, "recipient"));
    }

    /** An agency's message refused or held as a whole, before any recipient was dealt with. */
    public static String wholeMessage(String exchangeId) {
        return of("outbound|" + Objects.requireNonNull(exchangeId, "exchangeId") + "|");
    }

    /** A partner's envelope. */
    public static String inbound(String exchangeId) {
        return of("inbound|" + Objects.requireNonNull(exchangeId, "exchangeId"));
    }

    /** A partner's receipt the gateway could not accept, by the delivery it arrived in. */
    public static String refusedReceipt(String deliveryId) {
        return of("receipt|" + Objects.requireNonNull(deliveryId, "deliveryId"));
    }

    /** A message the broker parked on gw.dlq, by its JMS message id (kept when the broker moves it there). */
    public static String deadLetter(String jmsMessageId) {
        return of("dead-letter|" + Objects.requireNonNull(jmsMessageId, "jmsMessageId"));
    }

    private static String of(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
