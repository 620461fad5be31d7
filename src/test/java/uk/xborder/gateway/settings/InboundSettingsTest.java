package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.RunningGateway;

/** The inbound settings: defaults, the extra decryption keys of a rotation, and malformed values named. */
class InboundSettingsTest {

    @Test
    void withNothingSetEnvelopesOfAMonthAreTakenAndRevocationIsHardFail() {
        InboundSettings inbound = InboundSettings.from(SettingsSource.of(Map.of()));

        assertThat(inbound.maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(inbound.maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(inbound.revocation()).isEqualTo(InboundSettings.Revocation.HARD_FAIL);
        assertThat(inbound.maxEnvelopeBytes()).isGreaterThan(16L * 1024 * 1024 * 4 / 3);
        assertThat(inbound.extraDecryptionKeys()).isEmpty();
    }

    @Test
    void extraDecryptionKeysAreNamedAndEachDescribedLikeTheIdentity() throws Exception {
        Path certs = RunningGateway.projectDirectory().resolve("certs-example");
        SettingsSource source = SettingsSource.of(Map.of(
                "gateway.identity.certificate", certs.resolve("gateway/cert.pem").toString(),
                "gateway.identity.key", certs.resolve("gateway/key.pem").toString(),
                "gateway.inbound.decryption-keys", "previous",
                "gateway.inbound.decryption-key.previous.certificate", certs.resolve("nca/cert.pem").toString(),
                "gateway.inbound.decryption-key.previous.key", certs.resolve("nca/key.pem").toString(),
                "gateway.inbound.revocation", "soft-fail"));
        InboundSettings inbound = InboundSettings.from(source);

        assertThat(inbound.revocation()).isEqualTo(InboundSettings.Revocation.SOFT_FAIL);
        assertThat(inbound.decryptionKeys(IdentitySettings.from(source, "gateway.identity")))
                .extracting(key -> key.certificate().getSubjectX500Principal().getName())
                .containsExactly("CN=gateway,O=UK Cross-Border Gateway (example),C=GB",
                        "CN=nca,O=National Crime Agency (example),C=GB");
    }

    @Test
    void malformedValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> InboundSettings.from(SettingsSource.of(Map.of("gateway.inbound.max-age", "30d"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("gateway.inbound.max-age");
        assertThatThrownBy(() -> InboundSettings.from(SettingsSource.of(Map.of("gateway.inbound.revocation",
                "sometimes")))).hasMessage("setting gateway.inbound.revocation must be hard-fail or soft-fail");
        assertThatThrownBy(() -> InboundSettings.from(SettingsSource.of(Map.of("gateway.inbound.max-clock-skew",
                "-PT1M")))).hasMessageContaining("must be a positive duration");
    }
}
