package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** gateway.health.partner-failing-after: an ISO-8601 duration or a number of minutes, 15 minutes by default. */
class HealthSettingsTest {

    @Test
    void takesAnIsoDurationOrMinutesAndDefaultsToFifteenMinutes() {
        assertThat(read(Map.of()).partnerFailingAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read(Map.of(HealthSettings.PARTNER_FAILING_AFTER, "PT30S")).partnerFailingAfter())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(read(Map.of(HealthSettings.PARTNER_FAILING_AFTER, "45")).partnerFailingAfter())
                .isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void anythingElseStopsTheGatewayNamingTheSetting() {
        assertThatThrownBy(() -> read(Map.of(HealthSettings.PARTNER_FAILING_AFTER, "15m")))
                .isInstanceOf(SettingsException.class).hasMessageContaining(HealthSettings.PARTNER_FAILING_AFTER)
                .hasMessageContaining("PT15M");
        assertThatThrownBy(() -> read(Map.of(HealthSettings.PARTNER_FAILING_AFTER, "-PT1M")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("negative");
    }

    private static HealthSettings read(Map<String, String> values) {
        return HealthSettings.from(SettingsSource.of(values));
    }
}
