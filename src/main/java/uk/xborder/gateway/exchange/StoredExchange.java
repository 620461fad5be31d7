package uk.xborder.gateway.exchange;

import java.time.Instant;

/**
 * One exchange as the store has it (no content).
 *
 * @param version incremented by every change; pass it to {@link ExchangeStore#compareAndSet(String, int,
 *                ExchangeState, String)} to change the state only if nothing else changed it meanwhile
 */
public record StoredExchange(String reference, Direction direction, String exchangeId, String agency, String partner,
                             String recipient, String messageId, String transportMessageId, ExchangeState state,
                             String reasonCode, String explanation, Instant createdAt, Instant updatedAt,
                             Instant failedSince, int attempts, int version, String node) {
}
