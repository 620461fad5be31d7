package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HttpsSettingsTest {

    @Test
    void byDefaultTheEndpointIsOffOnTheLoopbackWithTls13And12AndNoKey() {
        HttpsSettings https = HttpsSettings.from(SettingsSource.of(Map.of()));

        assertThat(https.enabled()).isFalse();
        assertThat(https.host()).isEqualTo("127.0.0.1");
        assertThat(https.port()).isEqualTo(8443);
        assertThat(https.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(https.identity()).isEmpty();
        assertThat(https.clientIdentity()).isEmpty();
        assertThat(https.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(https.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(https.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void thePackagedDefaultsSayTheSame() {
        HttpsSettings https = GatewaySettings.load().https();

        assertThat(https.enabled()).isFalse();
        assertThat(https.host()).isEqualTo("127.0.0.1");
        assertThat(https.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void theClientIdentityIsTheEndpointsUnlessOneIsNamed() {
        Map<String, String> values = new HashMap<>(Map.of("gateway.home", "/opt/gw",
                "gateway.https.certificate", "tls/cert.pem", "gateway.https.key", "tls/key.pem"));
        HttpsSettings same = HttpsSettings.from(SettingsSource.of(values));
        assertThat(same.requireClientIdentity()).isEqualTo(same.requireIdentity());
        assertThat(same.requireIdentity().certificate()).isEqualTo(Path.of("/opt/gw/tls/cert.pem"));

        values.put("gateway.https.client.pkcs12", "client.p12");
        values.put("gateway.https.client.password-env", "CLIENT_P12_PASSWORD");
        HttpsSettings other = HttpsSettings.from(SettingsSource.of(values));
        assertThat(other.requireClientIdentity().pkcs12()).isEqualTo(Path.of("/opt/gw/client.p12"));
        assertThat(other.requireIdentity().certificate()).isEqualTo(Path.of("/opt/gw/tls/cert.pem"));
    }

    @Test
    void aMissingKeyIsAnErrorNamingTheSettingOnlyWhenItIsNeeded() {
        HttpsSettings https = HttpsSettings.from(SettingsSource.of(Map.of("gateway.https.enabled", "true")));

        assertThatThrownBy(https::requireIdentity).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("setting gateway.https.certificate ");
        assertThatThrownBy(https::requireClientIdentity).isInstanceOf(SettingsException.class)
                .hasMessageContaining("partners reached over HTTPS");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> HttpsSettings.from(SettingsSource.of(Map.of(
                "gateway.https.certificate", "tls/cert.pem")))).hasMessage("setting gateway.https.key must be given");
    }

    @Test
    void tlsOlderThan12IsRefusedAsASetting() {
        for (String old : new String[] {"TLSv1.1", "TLSv1", "SSLv3", "TLSv1.3,TLSv1.1"}) {
            assertThatThrownBy(() -> HttpsSettings.from(SettingsSource.of(Map.of("gateway.https.protocols", old))))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("gateway.https.protocols")
                    .hasMessageContaining("only TLSv1.3 and TLSv1.2");
        }
        assertThat(HttpsSettings.from(SettingsSource.of(Map.of("gateway.https.protocols", " TLSv1.2 "))).protocols())
                .containsExactly("TLSv1.2");
        assertThatThrownBy(() -> HttpsSettings.from(SettingsSource.of(Map.of("gateway.https.protocols", ","))))
                .hasMessageContaining("must name TLSv1.3, TLSv1.2 or both");
    }
}
