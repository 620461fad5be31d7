package uk.xborder.gateway.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the gateway judges the certificates it relies on: the default trust anchors and revocation lists for partners
 * whose directory entry names none, and how early it warns of a certificate's expiry. The check period is also read
 * by {@code routes/certificates.camel.yaml} as a placeholder, through the same property.
 *
 * @param partnerTrust       CA certificates (PEM files) partner certificates chain to when the directory names no
 *                           trust anchor for the partner ({@code gateway.partners.trust}); with none, such a partner
 *                           is refused as untrusted
 * @param partnerCrls        revocation lists (PEM files) for those CAs, re-read when a file changes
 *                           ({@code gateway.partners.crls}); with none, such a partner's revocation status is unknown
 *                           and it is refused as untrusted
 * @param expiryWarning      a certificate that expires within this time is warned of in the log and the metrics
 *                           ({@code gateway.certificates.expiry-warning-days})
 * @param expiryCheckPeriod  how often the warning is repeated; the first check runs at start-up
 *                           ({@code gateway.certificates.expiry-check-period-ms})
 */
public record CertificateSettings(List<Path> partnerTrust, List<Path> partnerCrls, Duration expiryWarning,
                                  Duration expiryCheckPeriod) {

    public CertificateSettings {
        partnerTrust = List.copyOf(partnerTrust);
        partnerCrls = List.copyOf(partnerCrls);
    }

    static CertificateSettings from(SettingsSource source) {
        return new CertificateSettings(source.paths("gateway.partners.trust"), source.paths("gateway.partners.crls"),
                Duration.ofDays(source.integer("gateway.certificates.expiry-warning-days", 30, 0)),
                Duration.ofMillis(source.number("gateway.certificates.expiry-check-period-ms",
                        Duration.ofDays(1).toMillis(), 1000)));
    }
}
