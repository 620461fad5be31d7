package uk.xborder.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import uk.xborder.gateway.certificates.CertificateExpiry;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.directory.PartyDirectoryLoader;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.testsupport.RunningGateway;

/** What the transport wires, and what it refuses to start without. */
class HttpsTransportWiringTest {

    private static final AuditTrail NO_AUDIT = event -> { };

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CertificateExpiry expiry = new CertificateExpiry(Duration.ofDays(30), Clock.systemUTC(), meters);

    @Test
    void aGatewayWhosePartnersAllUseJmsAndWhoseEndpointIsOffLoadsNoTlsKeyAndStartsNoVertx() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            InboundHttpsEndpoint endpoint = HttpsTransport.install(context, settings(Map.of()).https(),
                    directory("jms:queue:gw.partner.europol.out"), NO_AUDIT, expiry, Clock.systemUTC());

            assertThat(endpoint).isNull();
            assertThat(context.hasService(TransportVertx.class)).isNull();
            assertThat(context.getRegistry().lookupByName("https-client-europol")).isNull();
        }
    }

    @Test
    void aPartnerReachedOverHttpsWithoutATlsKeyStopsTheStartNamingTheSetting() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> HttpsTransport.install(context, settings(Map.of()).https(),
                    directory("https://localhost:9443/exchange/v1/envelopes"), NO_AUDIT, expiry, Clock.systemUTC()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("gateway.https.certificate");
        }
    }

    @Test
    void eachHttpsPartnerGetsItsOwnTlsClient() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            HttpsTransport.install(context, settings(Map.of(
                            "gateway.https.certificate", ExampleTls.certs("police-scotland/tls/cert.pem").toString(),
                            "gateway.https.key", ExampleTls.certs("police-scotland/tls/key.pem").toString())).https(),
                    directory("https://localhost:9443/exchange/v1/envelopes"), NO_AUDIT, expiry, Clock.systemUTC());

            io.vertx.ext.web.client.WebClientOptions client = context.getRegistry()
                    .lookupByNameAndType("https-client-europol", io.vertx.ext.web.client.WebClientOptions.class);
            assertThat(client.isSsl()).isTrue();
            assertThat(client.isVerifyHost()).isTrue();
            assertThat(client.isTrustAll()).isFalse();
            assertThat(client.getEnabledSecureTransportProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            // Only europol's endpoint is https; the JMS partners get no TLS client.
            assertThat(context.getRegistry().lookupByName("https-client-nca")).isNull();
            // The client certificate is watched for expiry like the gateway's other certificates.
            assertThat(meters.find(CertificateExpiry.DAYS_LEFT).tag("use", "tls-client").gauge()).isNotNull();
        }
    }

    @Test
    void anHttpsEndpointWithAQueryIsRefused() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> HttpsTransport.install(context, settings(Map.of(
                            "gateway.https.certificate", ExampleTls.certs("police-scotland/tls/cert.pem").toString(),
                            "gateway.https.key", ExampleTls.certs("police-scotland/tls/key.pem").toString())).https(),
                    directory("https://localhost:9443/envelopes?token=x"), NO_AUDIT, expiry, Clock.systemUTC()))
                    .hasMessageContaining("partner 'europol'").hasMessageContaining("without user information, query");
        }
    }

    private GatewaySettings settings(Map<String, String> overrides) {
        DefaultCamelContext properties = new DefaultCamelContext();
        var component = properties.getPropertiesComponent();
        component.setLocation("classpath:application.properties");
        java.util.Properties values = new java.util.Properties();
        values.putAll(overrides);
        component.setOverrideProperties(values);
        return GatewaySettings.from(component);
    }

    private PartyDirectory directory(String europolEndpoint) throws Exception {
        Path base = RunningGateway.projectDirectory();
        Path file = Files.writeString(dir.resolve("directory.yaml"),
                Files.readString(base.resolve("config/directory.yaml"))
                        .replace("../certs-example", base.resolve("certs-example").toString())
                        .replace("jms:queue:gw.partner.europol.out", europolEndpoint));
        MarkingTable markings = MarkingTable.loadDefault();
        return new PartyDirectoryLoader(id -> true, markings::isKnown).load(file);
    }
}
