package uk.xborder.gateway.settings;

import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.camel.util.TimeUtils;

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

    /** Days, hours, minutes, seconds, milliseconds, in that order, each optional; or milliseconds alone. */
    private static final Pattern CAMEL_DURATION = Pattern.compile("\\d+|(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");

    static ReceiptSettings from(SettingsSource source) {
        return new ReceiptSettings(duration(source, CHECK_EVERY, Duration.ofSeconds(5)),
                source.integer("gateway.receipts.batch-size", 100, 1));
    }

    private static Duration duration(SettingsSource source, String key, Duration fallback) {
        String value = source.text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!CAMEL_DURATION.matcher(value).matches()) {
            throw new SettingsException(key, "must be a duration such as 5s, 500ms or 1m30s");
        }
        Duration duration = TimeUtils.toDuration(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new SettingsException(key, "must be longer than zero");
        }
        return duration;
    }
}
