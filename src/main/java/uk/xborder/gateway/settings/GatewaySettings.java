package uk.xborder.gateway.settings;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.spi.PropertiesComponent;

/**
 * Every setting of the gateway, one typed record per capability, read from one {@link SettingsSource}. The gateway
 * reads them from its Camel context; a command-line tool calls {@link #load()} and gets the same answers, e.g.
 * {@code GatewaySettings.load().api().baseUrl()} for the REST API and {@code .broker().agencyUrl()} for the broker
 * agencies connect to.
 *
 * @param home          what relative paths resolve against ({@code gateway.home}, else the working directory)
 * @param dataDir       the embedded broker's journal and the embedded audit database ({@code gateway.data-dir})
 * @param directoryFile the partner directory ({@code gateway.directory})
 * @param partnerBrokers partners' own brokers, each reached over a JMS connection of its own
 *                      ({@code gateway.partner-brokers})
 * @param certificates  how partner certificates are checked and own certificates watched for expiry
 * @param inbound       envelopes from partners: size, age, decryption keys, signer trust
 * @param https         the HTTPS transport with mutual TLS: the inbound endpoint and the client identity
 * @param store         the exchange store: the key that seals replayable content, and how long it is kept
 * @param health        when {@code /observe/health} turns DEGRADED for a failing partner
 * @param operator      what operators may replay or discard at once without confirming
 */
public record GatewaySettings(Path home, Path dataDir, Path directoryFile, BrokerSettings broker,
                              IdentitySettings identity, AuditSettings audit, ApiSettings api,
                              OutboundSettings outbound, List<PartnerBrokerSettings> partnerBrokers,
                              CertificateSettings certificates, InboundSettings inbound,
                              HttpsSettings https, ReceiptSettings receipts,
                              RequestSettings requests, StoreSettings store,
                              HealthSettings health, OperatorSettings operator) {

    /** The settings as the gateway would read them if it started now in this environment. */
    public static GatewaySettings load() {
        return from(SettingsSource.standalone());
    }

    /** The settings of a Camel context (the running gateway's). */
    public static GatewaySettings from(PropertiesComponent properties) {
        return from(SettingsSource.of(properties));
    }

    public static GatewaySettings from(SettingsSource source) {
        Path dataDir = source.path("gateway.data-dir");
        return new GatewaySettings(
                source.home(),
                dataDir,
                source.path("gateway.directory"),
                BrokerSettings.from(source),
                IdentitySettings.from(source, "gateway.identity"),
                AuditSettings.from(source, dataDir),
                ApiSettings.from(source),
                OutboundSettings.from(source),
                PartnerBrokerSettings.from(source),
                CertificateSettings.from(source),
                InboundSettings.from(source),
                HttpsSettings.from(source),
                ReceiptSettings.from(source),
                RequestSettings.from(source),
                StoreSettings.from(source, dataDir),
                HealthSettings.from(source), OperatorSettings.from(source));
    }
}
