package uk.xborder.gateway;

import java.security.KeyStore;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;

import uk.xborder.gateway.certificates.CertificateExpiry;
import uk.xborder.gateway.crypto.SigningIdentity;
import uk.xborder.gateway.crypto.TlsKeys;
import uk.xborder.gateway.settings.ApiSettings;

/**
 * TLS for the gateway's HTTP server (the auditors' API, {@code /observe/health} and {@code /observe/metrics}, on one
 * port), when {@code gateway.api.tls.*} names a certificate and key.
 *
 * <p>Decision: Camel's platform-http server on Vert.x takes its TLS from the context's global SSL parameters
 * ({@code camel.server.useGlobalSslContextParameters}, set in application.properties, and the same for the management
 * server on that port): with none set, it serves plain HTTP, which the gateway allows on the loopback only
 * ({@code startup.ExposureGuard}). The key goes in as a keystore held only in memory, under a password made up here;
 * Vert.x enables TLSv1.3 and TLSv1.2 only, and this JDK refuses anything older. The certificate is watched for expiry
 * like the gateway's others (use {@code api-tls}).
 */
final class HttpServerSetup {

    private HttpServerSetup() {
    }

    static void secure(CamelContext context, ApiSettings api, CertificateExpiry expiry) throws Exception {
        if (api.tls().isEmpty()) {
            return;
        }
        SigningIdentity identity = api.tls().get().load();
        expiry.watch(CertificateExpiry.GATEWAY, "api-tls", identity.certificate());
        char[] password = TlsKeys.randomPassword();
        KeyStore store = TlsKeys.inMemoryKeyStore(identity, password);
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(store);
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(keyStore);
        keys.setKeyPassword(new String(password));
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keys);
        context.setSSLContextParameters(tls);
    }
}
