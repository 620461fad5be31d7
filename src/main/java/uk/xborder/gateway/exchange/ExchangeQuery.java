package uk.xborder.gateway.exchange;

import java.time.Instant;
import java.util.Set;

/**
 * Which exchanges to list: every criterion given must hold (null: any). The time window is on when the exchange
 * last changed, {@code from} inclusive and {@code to} exclusive; results come newest change first.
 *
 * @param states any of these (empty: any state)
 * @param offset how many matching exchanges to skip
 * @param limit  at most this many, 1 to {@link #MAX_LIMIT}
 */
public record ExchangeQuery(String partner, String agency, Direction direction, Set<ExchangeState> states,
                            String reasonCode, String messageId, Instant from, Instant to, int offset, int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public ExchangeQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Every exchange, the first page. */
    public static ExchangeQuery all() {
        return new ExchangeQuery(null, null, null, Set.of(), null, null, null, null, 0, DEFAULT_LIMIT);
    }

    public ExchangeQuery partner(String value) {
        return new ExchangeQuery(value, agency, direction, states, reasonCode, messageId, from, to, offset, limit);
    }

    public ExchangeQuery agency(String value) {
        return new ExchangeQuery(partner, value, direction, states, reasonCode, messageId, from, to, offset, limit);
    }

    public ExchangeQuery direction(Direction value) {
        return new ExchangeQuery(partner, agency, value, states, reasonCode, messageId, from, to, offset, limit);
    }

    public ExchangeQuery states(ExchangeState... values) {
        return new ExchangeQuery(partner, agency, direction, Set.of(values), reasonCode, messageId, from, to, offset,
                limit);
    }

    public ExchangeQuery reasonCode(String value) {
        return new ExchangeQuery(partner, agency, direction, states, value, messageId, from, to, offset, limit);
    }

    public ExchangeQuery messageId(String value) {
        return new ExchangeQuery(partner, agency, direction, states, reasonCode, value, from, to, offset, limit);
    }

    public ExchangeQuery changedBetween(Instant fromInclusive, Instant toExclusive) {
        return new ExchangeQuery(partner, agency, direction, states, reasonCode, messageId, fromInclusive,
                toExclusive, offset, limit);
    }

    public ExchangeQuery page(int skip, int size) {
        return new ExchangeQuery(partner, agency, direction, states, reasonCode, messageId, from, to, skip, size);
    }
}
