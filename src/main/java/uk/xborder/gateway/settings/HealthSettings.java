package uk.xborder.gateway.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * What {@code /observe/health} reports ({@code gateway.health.*}).
 *
 * @param partnerFailingAfter how long a partner's oldest failed exchange (FAILED, not yet replayed, delivered or
 *                            discarded) may wait before health turns DEGRADED naming that partner
 *                            ({@code gateway.health.partner-failing-after}: an ISO-8601 duration such as PT15M, or
 *                            a whole number of minutes; default 15 minutes)
 */
public record HealthSettings(Duration partnerFailingAfter) {

    public static final String PARTNER_FAILING_AFTER = "gateway.health.partner-failing-after";
    static final Duration DEFAULT_PARTNER_FAILING_AFTER = Duration.ofMinutes(15);

    static HealthSettings from(SettingsSource source) {
        return new HealthSettings(minutesOrDuration(source, PARTNER_FAILING_AFTER, DEFAULT_PARTNER_FAILING_AFTER));
    }

    private static Duration minutesOrDuration(SettingsSource source, String key, Duration fallback) {
        String value = source.text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration duration;
        try {
            duration = value.chars().allMatch(Character::isDigit) ? Duration.ofMinutes(Long.parseLong(value))
                    : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new SettingsException(key, "must be an ISO-8601 duration such as PT15M, or a number of minutes");
        }
        if (duration.isNegative()) {
            throw new SettingsException(key, "must not be negative");
        }
        return duration;
    }
}
