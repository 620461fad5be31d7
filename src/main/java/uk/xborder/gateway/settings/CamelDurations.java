package uk.xborder.gateway.settings;

import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.camel.util.TimeUtils;

/**
 * Settings that a route also reads as a timer's period, through the same properties, so they take Camel's duration
 * form ({@code 5s}, {@code 500ms}, {@code 1m30s}, {@code 1h}; a plain number is milliseconds). Anything else is
 * refused at start-up, because Camel would read it as zero.
 */
final class CamelDurations {

    /** Days, hours, minutes, seconds, milliseconds, in that order, each optional; or milliseconds alone. */
    private static final Pattern CAMEL_DURATION = Pattern.compile("\\d+|(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");

    private CamelDurations() {
    }

    /** The duration the setting gives, longer than zero, or the fallback when it is not given. */
    static Duration positive(SettingsSource source, String key, Duration fallback) {
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
