package uk.xborder.gateway.transport;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.LinkedHashSet;
import java.util.List;

import javax.net.ssl.X509KeyManager;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClientOptions;

import org.apache.camel.spi.Registry;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.settings.HttpsSettings;

/**
 * The TLS client of each partner reached over HTTPS, bound as {@code https-client-<partner>} for the POST in
 * {@code routes/https.camel.yaml}: the gateway's client certificate, trust in that partner's anchors and CRLs only
 * (not every partner's: a certificate another partner's CA issued must not pass for this one), the configured TLS
 * versions, and hostname verification against the endpoint's host.
 */
final class PartnerClients {

    static final String BEAN_PREFIX = "https-client-";

    private PartnerClients() {
    }

    static void bind(Registry registry, List<Partner> httpsPartners, X509KeyManager clientKey, HttpsSettings settings)
            throws GeneralSecurityException {
        for (Partner partner : httpsPartners) {
            requireUsableEndpoint(partner);
            registry.bind(BEAN_PREFIX + partner.id(), options(partner, clientKey, settings));
        }
    }

    static WebClientOptions options(Partner partner, X509KeyManager clientKey, HttpsSettings settings)
            throws GeneralSecurityException {
        WebClientOptions options = new WebClientOptions()
                .setSsl(true)
                .setUseAlpn(false)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setKeyCertOptions(KeyCertOptions.wrap(clientKey))
                .setTrustOptions(TrustOptions.wrap(PartnerTrust.of(partner)))
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setFollowRedirects(false)
                .setTryUseCompression(false)
                .setUserAgent("xborder-gateway")
                .setMaxPoolSize(4);
        options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(settings.protocols()));
        return options;
    }

    // The route appends the client's options to the endpoint as a query, so the URL must not carry one of its own.
    private static void requireUsableEndpoint(Partner partner) {
        URI uri;
        try {
            uri = URI.create(partner.endpoint());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the endpoint of partner '" + partner.id() + "' is not a valid URL");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("the endpoint of partner '" + partner.id() + "' must be an https URL with"
                    + " a host and a path, without user information, query or fragment");
        }
    }
}
