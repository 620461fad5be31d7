package uk.xborder.gateway.settings;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Deadlines of requests for information ({@code gateway.requests.*}).
 *
 * @param timeZone the zone the calendar days of Directive (EU) 2023/977 Art. 5(1) are counted in
 *                 ({@code gateway.requests.time-zone}, default Europe/London): a request received at 10:00 there is
 *                 due at 10:00 there, three or seven days later, whatever summer time does meanwhile
 */
public record RequestSettings(ZoneId timeZone) {

    static final String DEFAULT_TIME_ZONE = "Europe/London";

    static RequestSettings from(SettingsSource source) {
        String zone = source.text("gateway.requests.time-zone");
        try {
            return new RequestSettings(ZoneId.of(zone.isEmpty() ? DEFAULT_TIME_ZONE : zone));
        } catch (DateTimeException e) {
            throw new SettingsException("gateway.requests.time-zone", "must be a time-zone id such as Europe/London");
        }
    }
}
