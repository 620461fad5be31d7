package uk.xborder.gateway.transport;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayHeaders;

/**
 * Hands a POSTed envelope, and the certificate its client authenticated with, to the inbound pipeline
 * ({@code direct:inbound-envelope}), and answers with what the pipeline made of it: 200 with the signed receipt
 * (DELIVERED or REFUSED, also in the header {@value #OUTCOME_HEADER}), or 503 when the gateway failed, so that the
 * sender sends the same envelope again later (the pipeline de-duplicates it).
 */
final class EnvelopeReception implements Handler<RoutingContext> {

    static final String PIPELINE = "direct:inbound-envelope";
    static final String OUTCOME_HEADER = "X-Gateway-Receipt-Outcome";
    static final String RECEIPT_TYPE = "application/pkcs7-mime";

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeReception.class);

    private final Vertx vertx;
    private final ProducerTemplate pipeline;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param maxInFlight envelopes in the pipeline at once; beyond it the sender is told to come back (503), so that
     *                    bodies waiting for a worker cannot fill the heap
     */
    EnvelopeReception(Vertx vertx, ProducerTemplate pipeline, int maxInFlight) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!isXml(context.request().getHeader("Content-Type"))) {
            response.setStatusCode(415).putHeader("Content-Type", "text/plain")
                    .end("A transport envelope is sent as application/xml.\n");
            return;
        }
        X509Certificate client = clientCertificate(context);
        if (client == null) {
            // Unreachable while the handshake requires a certificate; refuse rather than pass on an anonymous sender.
            response.setStatusCode(403).putHeader("Content-Type", "text/plain")
                    .end("A client certificate is required.\n");
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            unavailable(response);
            return;
        }
        byte[] envelope = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        vertx.executeBlocking(() -> handOver(envelope, client), false).onComplete(done -> {
            inFlight.decrementAndGet();
            if (done.failed()) {
                LOG.warn("An envelope from an HTTPS client could not be taken ({}); answered 503",
                        done.cause().getClass().getSimpleName());
                unavailable(response);
                return;
            }
            Exchange result = done.result();
            byte[] receipt = result.getMessage().getBody(byte[].class);
            if (receipt == null || receipt.length == 0) {
                LOG.warn("The inbound pipeline gave no receipt for an envelope from an HTTPS client; answered 503");
                unavailable(response);
                return;
            }
            String outcome = result.getMessage().getHeader(GatewayHeaders.RECEIPT_OUTCOME, String.class);
            response.setStatusCode(200).putHeader("Content-Type", RECEIPT_TYPE);
            if (outcome != null) {
                response.putHeader(OUTCOME_HEADER, outcome);
            }
            response.end(io.vertx.core.buffer.Buffer.buffer(receipt));
        });
    }

    /** Runs the pipeline on a worker thread; a gateway fault comes back as a failed future. */
    private Exchange handOver(byte[] envelope, X509Certificate client) throws Exception {
        Exchange result = pipeline.send(PIPELINE, exchange -> {
            exchange.setProperty(ExchangeProperties.CLIENT_CERTIFICATE, client);
            exchange.getMessage().setBody(envelope);
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        return result;
    }

    static void unavailable(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(503).putHeader("Retry-After", "30").putHeader("Content-Type", "text/plain")
                .end("The gateway cannot take the envelope now; send it again later.\n");
    }

    private static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/xml") || type.equals("text/xml");
    }

    private static X509Certificate clientCertificate(RoutingContext context) {
        try {
            List<Certificate> chain = context.request().connection().peerCertificates();
            return chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate x509) ? null : x509;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
