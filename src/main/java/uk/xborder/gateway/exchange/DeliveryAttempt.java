package uk.xborder.gateway.exchange;

import java.util.Objects;

/**
 * One attempt to deliver an exchange, as a pipeline reports it; the store adds the time and the node.
 *
 * @param key       tells this attempt apart from the exchange's others (the JMS delivery and the retry within it),
 *                  so that recording it twice changes nothing
 * @param endpoint  where it went (a queue or URL), null if it failed before it had one
 * @param outcome   how it ended
 * @param error     for a failure, what went wrong ({@link AttemptErrors}); never content
 */
public record DeliveryAttempt(String key, String endpoint, AttemptOutcome outcome, String error) {

    public DeliveryAttempt {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static DeliveryAttempt delivered(String key, String endpoint) {
        return new DeliveryAttempt(key, endpoint, AttemptOutcome.DELIVERED, null);
    }

    public static DeliveryAttempt failed(String key, String endpoint, Throwable cause) {
        return new DeliveryAttempt(key, endpoint, AttemptOutcome.FAILED, AttemptErrors.describe(cause));
    }
}
