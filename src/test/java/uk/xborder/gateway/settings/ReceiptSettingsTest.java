package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How often overdue receipts are looked for takes the duration form the resend timer itself reads, and no other. */
class ReceiptSettingsTest {

    @Test
    void byDefaultOverdueReceiptsAreLookedForEveryFiveSeconds() {
        ReceiptSettings settings = ReceiptSettings.from(SettingsSource.of(Map.of()));

        assertThat(settings.checkEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.batchSize()).isEqualTo(100);
    }

    @Test
    void camelsDurationFormsAreRead() {
        assertThat(checkEvery("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(checkEvery("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(checkEvery("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(checkEvery("250")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aValueThatIsNoDurationOrNotPositiveIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> checkEvery("often")).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("setting gateway.receipts.check-every must be a duration");
        // The timer would read an ISO-8601 duration as zero and fire without pause: refused at start-up.
        assertThatThrownBy(() -> checkEvery("PT5S"))
                .hasMessageStartingWith("setting gateway.receipts.check-every must be a duration");
        assertThatThrownBy(() -> checkEvery("0s"))
                .hasMessage("setting gateway.receipts.check-every must be longer than zero");
        assertThatThrownBy(() -> ReceiptSettings.from(SettingsSource.of(Map.of("gateway.receipts.batch-size", "0"))))
                .hasMessage("setting gateway.receipts.batch-size must be at least 1");
    }

    @Test
    void thePackagedDefaultsAreReadTheSameWay() {
        assertThat(GatewaySettings.load().receipts().checkEvery()).isEqualTo(Duration.ofSeconds(5));
    }

    private static Duration checkEvery(String value) {
        return ReceiptSettings.from(SettingsSource.of(Map.of("gateway.receipts.check-every", value))).checkEvery();
    }
}
