package uk.xborder.gateway.transport;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import javax.net.ssl.SSLException;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;
import uk.xborder.gateway.audit.Step;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Records each TLS handshake the inbound HTTPS endpoint refused (no client certificate, an untrusted, revoked or
 * expired one, a TLS version it does not speak) as an audit event {@code HTTPS_CLIENT_REFUSED} with reason
 * {@code TLS_HANDSHAKE_REFUSED} and a sentence saying which. Nothing was received, so the event has an exchange id
 * of its own and names no message. Other connection errors (a client that hangs up) are not refusals and are not
 * recorded.
 */
final class RefusedHandshakes implements Handler<Throwable> {

    static final String ACTOR = "gateway/https";

    private static final Logger LOG = LoggerFactory.getLogger(RefusedHandshakes.class);

    private final Vertx vertx;
    private final AuditTrail audit;
    private final Clock clock;

    RefusedHandshakes(Vertx vertx, AuditTrail audit, Clock clock) {
        this.vertx = vertx;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void handle(Throwable failure) {
        SSLException refusal = sslCause(failure);
        if (refusal == null) {
            return;
        }
        String why = explain(refusal);
        LOG.info("Refused an HTTPS client at the TLS handshake: {}", why);
        // The audit log commits before it returns; never on the event loop.
        vertx.executeBlocking(() -> {
            audit.record(AuditEvent.of(Step.HTTPS_CLIENT_REFUSED, "https-" + UUID.randomUUID())
                    .time(clock.instant())
                    .actor(ACTOR)
                    .outcome(AuditOutcome.REJECTED, ReasonCode.TLS_HANDSHAKE_REFUSED,
                            "The TLS handshake was refused: " + why + ".")
                    .build());
            return null;
        }, false).onFailure(e -> LOG.warn("Could not record a refused TLS handshake in the audit log ({})",
                e.getClass().getSimpleName()));
    }

    private static SSLException sslCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException ssl) {
                return ssl;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** What the JDK's TLS engine said, as a sentence that names no certificate content. */
    static String explain(SSLException refusal) {
        String said = String.valueOf(refusal.getMessage()).toLowerCase(Locale.ROOT);
        for (Throwable cause = refusal.getCause(); cause != null && cause != cause.getCause();
             cause = cause.getCause()) {
            said = said + " " + String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        }
        if (said.contains("empty client certificate") || said.contains("null cert chain")
                || said.contains("certificate_required") || said.contains("no client certificate")) {
            return "the client presented no certificate";
        }
        if (said.contains("revoked")) {
            return "the client certificate is revoked";
        }
        if (said.contains("expired") || said.contains("not yet valid")) {
            return "the client certificate is expired or not yet valid";
        }
        if (said.contains("pkix") || said.contains("certification path") || said.contains("unable to find valid")
                || said.contains("certificate") || said.contains("revocation")) {
            return "the client certificate does not chain to a partner's trust anchor, or its revocation status"
                    + " is unknown";
        }
        if (said.contains("protocol") || said.contains("version")) {
            return "the client offered no TLS version the endpoint accepts (TLS 1.2 or later)";
        }
        if (said.contains("not an ssl/tls record")) {
            return "the client did not speak TLS";
        }
        return "the handshake failed";
    }
}
