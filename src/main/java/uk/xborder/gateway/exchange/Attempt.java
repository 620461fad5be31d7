package uk.xborder.gateway.exchange;

import java.time.Instant;

/** One recorded attempt to deliver an exchange. */
public record Attempt(String key, Instant at, String endpoint, String node, AttemptOutcome outcome, String error) {
}
