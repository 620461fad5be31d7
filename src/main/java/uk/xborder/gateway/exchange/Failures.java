package uk.xborder.gateway.exchange;

import java.time.Instant;
import java.util.Map;

/**
 * The exchanges that wait for an operator because the gateway failed them (state FAILED: not yet replayed, delivered
 * or discarded), as counted at one moment by {@link ExchangeStore#failures()}.
 *
 * @param byPartner          per partner (the other party of the exchange), how many and since when the oldest
 * @param deadLettersWaiting FAILED exchanges taken from gw.dlq (reason codes DEAD_LETTER*), whatever their party
 * @param at                 when they were counted (the store's clock)
 */
public record Failures(Map<String, Partner> byPartner, long deadLettersWaiting, Instant at) {

    public Failures {
        byPartner = Map.copyOf(byPartner);
    }

    /** One partner's FAILED exchanges: how many, and when the oldest of them failed. */
    public record Partner(long count, Instant oldestFailedSince) {
    }
}
