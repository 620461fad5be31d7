package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestSettingsTest {

    @Test
    void calendarDaysAreCountedInLondonUnlessAnotherZoneIsSet() {
        assertThat(RequestSettings.from(SettingsSource.of(Map.of())).timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(RequestSettings.from(SettingsSource.of(Map.of("gateway.requests.time-zone", "Europe/Dublin")))
                .timeZone()).isEqualTo(ZoneId.of("Europe/Dublin"));
        assertThat(GatewaySettings.load().requests().timeZone()).as("packaged default")
                .isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void aZoneThatIsNoZoneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RequestSettings.from(SettingsSource.of(Map.of("gateway.requests.time-zone",
                "Scotland/Edinburgh")))).isInstanceOf(SettingsException.class)
                .hasMessage("setting gateway.requests.time-zone must be a time-zone id such as Europe/London");
    }
}
