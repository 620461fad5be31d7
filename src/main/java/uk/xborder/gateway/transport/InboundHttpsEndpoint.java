package uk.xborder.gateway.transport;

import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.settings.HttpsSettings;

/**
 * The gateway's inbound HTTPS endpoint for partners: {@code POST /exchange/v1/envelopes} on a port of its own, with
 * mutual TLS. A client must present a certificate that chains to a partner's trust anchor (and is on none of its
 * CRLs), or the TLS handshake is refused ({@link RefusedHandshakes} records it); the envelope then goes to the inbound
 * pipeline ({@link EnvelopeReception}). Bodies above {@code gateway.https.max-body-bytes} are answered 413, other
 * methods 405, other paths 404.
 *
 * <p>Decision: a Vert.x server of its own rather than a second Camel platform-http server. Camel's platform-http
 * binds one server per context for the auditors' API (its engine looks the server up as the only one of its type),
 * and this endpoint needs what that server does not give a route: client authentication required at the handshake,
 * a trust store made from the partner directory, the handshake failures themselves (to audit them), and its own
 * body limit. The envelope still enters Camel at once, through the {@code direct:inbound-envelope} route.
 */
public final class InboundHttpsEndpoint extends ServiceSupport {

    public static final String PATH = "/exchange/v1/envelopes";

    private static final Logger LOG = LoggerFactory.getLogger(InboundHttpsEndpoint.class);

    private final CamelContext camel;
    private final Vertx vertx;
    private final HttpsSettings settings;
    private final X509KeyManager serverKey;
    private final X509TrustManager partnerTrust;
    private final RefusedHandshakes refusals;
    private ProducerTemplate pipeline;
    private HttpServer server;

    InboundHttpsEndpoint(CamelContext camel, Vertx vertx, HttpsSettings settings, X509KeyManager serverKey,
                         X509TrustManager partnerTrust, RefusedHandshakes refusals) {
        this.camel = camel;
        this.vertx = vertx;
        this.settings = settings;
        this.serverKey = serverKey;
        this.partnerTrust = partnerTrust;
        this.refusals = refusals;
    }

    /** The port it listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    @Override
    protected void doStart() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setSsl(true)
                .setUseAlpn(false)
                .setKeyCertOptions(KeyCertOptions.wrap(serverKey))
                .setTrustOptions(TrustOptions.wrap(partnerTrust))
                .setClientAuth(ClientAuth.REQUIRED)
                .setSslHandshakeTimeout(10)
                .setSslHandshakeTimeoutUnit(TimeUnit.SECONDS)
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setCompressionSupported(false);
        options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(settings.protocols()));

        pipeline = camel.createProducerTemplate();
        EnvelopeReception reception = new EnvelopeReception(vertx, pipeline, TransportVertx.WORKERS);
        Router router = Router.router(vertx);
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(reception);
        // Whatever fails inside the gateway is its fault, and the sender should try again later.
        router.errorHandler(500, context -> EnvelopeReception.unavailable(context.response()));
        router.errorHandler(413, context -> context.response().setStatusCode(413)
                .putHeader("Content-Type", "text/plain")
                .end("The envelope is larger than this endpoint accepts (" + settings.maxBodyBytes() + " bytes).\n"));

        server = vertx.createHttpServer(options)
                .requestHandler(router)
                .exceptionHandler(refusals);
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.info("Inbound HTTPS endpoint listening on https://{}:{}{} (mutual TLS, {})", settings.host(),
                server.actualPort(), PATH, String.join(", ", settings.protocols()));
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            server = null;
            LOG.info("Inbound HTTPS endpoint closed");
        }
        if (pipeline != null) {
            pipeline.stop();
            pipeline = null;
        }
    }
}
