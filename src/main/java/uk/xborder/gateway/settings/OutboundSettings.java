package uk.xborder.gateway.settings;

import java.time.Duration;

import uk.xborder.gateway.directory.RetryPolicy;

/**
 * The outbound exchange: what the agency queues take and how delivery to partners is tried again.
 *
 * <p>The retry settings are the defaults of every partner's retry policy ({@code retry} in the partner directory
 * overrides them field by field). A delivery that fails for a reason that may pass is tried again off the agency's
 * queue, from a retry queue of the partner's own ({@code routes/retries.camel.yaml}).
 *
 * @param maxMessageBytes     larger messages are refused with MESSAGE_TOO_LARGE ({@code gateway.max-message-bytes})
 * @param retryDefaults       {@code gateway.delivery.retries} (attempts after the first: maxAttempts = retries + 1),
 *                            {@code gateway.delivery.retry-delay-ms} (the wait before the first retry),
 *                            {@code gateway.delivery.back-off} (constant or progressive),
 *                            {@code gateway.delivery.max-retry-delay-ms} (the longest wait) and
 *                            {@code gateway.delivery.jitter} (the largest fraction taken off a wait at random)
 * @param retryConsumers      concurrent consumers of each partner's retry queue
 *                            ({@code gateway.delivery.retry-consumers-per-partner})
 * @param consumersPerAgency  concurrent consumers of each agency's queue ({@code gateway.outbound.consumers-per-agency});
 *                            1 keeps each agency's messages in order
 */
public record OutboundSettings(long maxMessageBytes, RetryPolicy retryDefaults, int retryConsumers,
                               int consumersPerAgency) {

    static final String RETRIES = "gateway.delivery.retries";
    static final String RETRY_DELAY = "gateway.delivery.retry-delay-ms";
    static final String BACK_OFF = "gateway.delivery.back-off";
    static final String MAX_RETRY_DELAY = "gateway.delivery.max-retry-delay-ms";
    static final String JITTER = "gateway.delivery.jitter";

    static OutboundSettings from(SettingsSource source) {
        return new OutboundSettings(
                source.number("gateway.max-message-bytes", 10L * 1024 * 1024, 1),
                retryDefaults(source),
                source.integer("gateway.delivery.retry-consumers-per-partner", 2, 1),
                source.integer("gateway.outbound.consumers-per-agency", 1, 1));
    }

    private static RetryPolicy retryDefaults(SettingsSource source) {
        RetryPolicy builtIn = uk.xborder.gateway.directory.PartyDirectoryLoader.DEFAULT_RETRY;
        int retries = source.integer(RETRIES, builtIn.maxAttempts() - 1, 0);
        if (retries == Integer.MAX_VALUE) {
            throw new SettingsException(RETRIES, "is too large");
        }
        RetryPolicy.BackOff backOff;
        try {
            String named = source.text(BACK_OFF);
            backOff = named.isEmpty() ? builtIn.backOff() : RetryPolicy.BackOff.named(named);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(BACK_OFF, e.getMessage());
        }
        double jitter;
        try {
            String given = source.text(JITTER);
            jitter = given.isEmpty() ? builtIn.jitter() : Double.parseDouble(given);
        } catch (NumberFormatException e) {
            throw new SettingsException(JITTER, "must be a number from 0 up to (not including) 1");
        }
        Duration initial = Duration.ofMillis(source.number(RETRY_DELAY, builtIn.initialDelay().toMillis(), 1));
        Duration max = Duration.ofMillis(source.number(MAX_RETRY_DELAY, builtIn.maxDelay().toMillis(), 1));
        try {
            return new RetryPolicy(backOff, initial, max, retries + 1, jitter);
        } catch (RetryPolicy.InvalidRetryPolicyException e) {
            String key = switch (e.field()) {
                case "maxDelay" -> MAX_RETRY_DELAY;
                case "initialDelay" -> RETRY_DELAY;
                case "jitter" -> JITTER;
                default -> RETRIES;
            };
            throw new SettingsException(key, "is not usable: " + e.getMessage());
        }
    }
}
