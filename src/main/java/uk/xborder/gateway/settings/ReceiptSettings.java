package uk.xborder.gateway.settings;

import java.time.Duration;

/**
 * Receipts from partners and the resending of envelopes they have not answered. How long to wait for a receipt and
 * how often to send again are the partner's (its directory entry); these say how the gateway looks for what is
 * overdue. {@code gateway.receipts.check-every} is also read by {@code routes/receipts.camel.yaml} as the timer's
 * period, through the same properties, so it takes Camel's duration form ({@code 5s}, {@code 500ms}, {@code 1m30s};
 * a plain number is milliseconds). Anything else is refused here at start-up, because Camel would read it as zero.
 *
 * @param checkEvery how often each node looks for deliveries whose receipt is overdue
 *                   ({@code gateway.receipts.check-every}, default 5s)
 * @param batchSize  at most this many overdue deliveries are taken up per look ({@code gateway.receipts.batch-size})
 */
public record ReceiptSettings(Duration checkEvery, int batchSize) {

    static final String CHECK_EVERY = "gateway.receipts.check-every";

    static ReceiptSettings from(SettingsSource source) {
        return new ReceiptSettings(CamelDurations.positive(source, CHECK_EVERY, Duration.ofSeconds(5)),
                source.integer("gateway.receipts.batch-size", 100, 1));
    }
}
