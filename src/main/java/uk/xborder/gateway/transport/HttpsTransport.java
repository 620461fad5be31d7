package uk.xborder.gateway.transport;

import java.time.Clock;
import java.util.List;

import javax.net.ssl.X509KeyManager;

import org.apache.camel.CamelContext;
import org.apache.camel.component.vertx.http.VertxHttpComponent;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.crypto.TlsKeys;
import uk.xborder.gateway.certificates.CertificateExpiry;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.settings.HttpsSettings;

/**
 * Wires the HTTPS transport with mutual TLS into the gateway: the TLS client of each partner whose endpoint is an
 * https URL (for {@code routes/https.camel.yaml}), and, when {@code gateway.https.enabled}, the inbound endpoint.
 * A gateway with neither loads no TLS key and starts no Vert.x of its own.
 */
public final class HttpsTransport {

    private HttpsTransport() {
    }

    /**
     * @return the inbound endpoint when it is enabled (started with the context), otherwise null
     */
    public static InboundHttpsEndpoint install(CamelContext context, HttpsSettings settings, PartyDirectory directory,
                                               AuditTrail audit, CertificateExpiry expiry, Clock clock)
            throws Exception {
        List<Partner> httpsPartners = directory.partners().stream()
                .filter(partner -> partner.transport() == Partner.Transport.HTTPS).toList();
        if (!settings.enabled() && httpsPartners.isEmpty()) {
            return null;
        }
        TransportVertx vertx = new TransportVertx();
        // Added first, so stopped last: after the routes that POST and the endpoint that receives.
        context.addService(vertx, true, true);

        if (!httpsPartners.isEmpty()) {
            SigningIdentity client = settings.requireClientIdentity().load();
            expiry.watch(CertificateExpiry.GATEWAY, "tls-client", client.certificate());
            X509KeyManager clientKey = TlsKeys.keyManager(client);
            PartnerClients.bind(context.getRegistry(), httpsPartners, clientKey, settings);
            VertxHttpComponent http = new VertxHttpComponent();
            http.setVertx(vertx.vertx());
            context.getRegistry().bind("vertx-http", http);
        }
        if (!settings.enabled()) {
            return null;
        }
        SigningIdentity server = settings.requireIdentity().load();
        expiry.watch(CertificateExpiry.GATEWAY, "tls-server", server.certificate());
        InboundHttpsEndpoint endpoint = new InboundHttpsEndpoint(context, vertx.vertx(), settings,
                TlsKeys.keyManager(server), PartnerTrust.ofAll(directory.partners()),
                new RefusedHandshakes(vertx.vertx(), audit, clock));
        context.addService(endpoint, true, true);
        context.getRegistry().bind("inboundHttpsEndpoint", endpoint);
        // Stop taking envelopes as soon as the gateway begins to stop, while the pipeline's routes still run.
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) throws Exception {
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    endpoint.stop();
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        });
        return endpoint;
    }
}
