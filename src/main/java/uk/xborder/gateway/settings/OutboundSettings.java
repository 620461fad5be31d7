package uk.xborder.gateway.settings;

import java.time.Duration;

/**
 * The outbound exchange: what the agency queues take and how delivery to partners is retried. The retry settings
 * are also read by {@code routes/error-handling.camel.yaml} as placeholders, through the same properties.
 *
 * @param maxMessageBytes    larger messages are refused with MESSAGE_TOO_LARGE ({@code gateway.max-message-bytes})
 * @param deliveryRetries    retries of a failing delivery before the envelope is held on gw.failed
 *                           ({@code gateway.delivery.retries})
 * @param retryDelay         the first retry's delay, doubled for each next one ({@code gateway.delivery.retry-delay-ms})
 * @param consumersPerAgency concurrent consumers of each agency's queue ({@code gateway.outbound.consumers-per-agency});
 *                           1 keeps each agency's messages in order
 */
public record OutboundSettings(long maxMessageBytes, int deliveryRetries, Duration retryDelay,
                               int consumersPerAgency) {

    static OutboundSettings from(SettingsSource source) {
        return new OutboundSettings(
                source.number("gateway.max-message-bytes", 10L * 1024 * 1024, 1),
                source.integer("gateway.delivery.retries", 3, 0),
                Duration.ofMillis(source.number("gateway.delivery.retry-delay-ms", 500, 0)),
                source.integer("gateway.outbound.consumers-per-agency", 1, 1));
    }
}
