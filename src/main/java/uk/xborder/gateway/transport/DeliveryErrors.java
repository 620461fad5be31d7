package uk.xborder.gateway.transport;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

import org.apache.camel.NoSuchBeanException;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Tells a failure of the hand-over to a partner's endpoint that may pass from one that will not, by the chain of
 * causes of what the transport threw. The decisions, each for a reason:
 * <ul>
 *   <li>Transient (tried again): a refused, reset or closed connection, no route to the host, a host name that does
 *       not resolve (DNS can be down too), a connect or response timeout, a TLS handshake cut off by the network
 *       (end of stream, reset); HTTP 5xx, 408 (request timeout) and 429 (too many requests); a JMS broker that
 *       cannot be reached or fails the send. Also, by default, any failure not named here: a bounded number of
 *       attempts costs little, and failing at once would leave a delivery that might have got through.</li>
 *   <li>Permanent (FAILED at once): any other HTTP answer than 200 (4xx: the receiver refuses this envelope, and
 *       will refuse it again; 3xx and other 2xx: the endpoint does not speak the protocol, which only its
 *       configuration can change); a TLS certificate the gateway does not trust or that names another host, or
 *       a handshake the peer refuses (our certificate, the protocol version): only a change of certificate or
 *       configuration heals those; the partner's broker refusing the gateway's login or the destination; an
 *       endpoint URI or TLS client the gateway cannot make (its configuration).</li>
 * </ul>
 * A partner that receives the envelope and refuses it answers with a signed REFUSED receipt, which the receipt
 * route handles: that is not a failed hand-over.
 */
public final class DeliveryErrors {

    private DeliveryErrors() {
    }

    public static DeliveryError classify(Throwable failure) {
        List<Throwable> chain = causes(failure);
        for (Throwable cause : chain) {
            if (cause instanceof HttpOperationFailedException http) {
                return http(http.getStatusCode());
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                    || cause instanceof CertificateException || cause instanceof SSLPeerUnverifiedException) {
                return DeliveryError.permanent("tls-certificate", "The endpoint's TLS certificate is not one the"
                        + " gateway trusts for this partner, or does not name the endpoint's host.");
            }
        }
        for (Throwable cause : chain) {
            DeliveryError judged = network(cause, chain);
            if (judged != null) {
                return judged;
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof JMSSecurityException) {
                return DeliveryError.permanent("jms-security", "The partner's broker refused the gateway's login"
                        + " or its permission to send there.");
            }
            if (cause instanceof InvalidDestinationException) {
                return DeliveryError.permanent("jms-destination", "The partner's broker has no such destination.");
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof JMSException) {
                return DeliveryError.transientOne("jms-unavailable", "The broker of the endpoint could not be"
                        + " reached or did not take the envelope.");
            }
            if (cause instanceof ResolveEndpointFailedException || cause instanceof NoSuchEndpointException
                    || cause instanceof NoSuchBeanException) {
                return DeliveryError.permanent("endpoint-configuration", "The gateway cannot make the endpoint"
                        + " or its client from its configuration.");
            }
        }
        return DeliveryError.transientOne("other", "The hand-over failed (" + failure.getClass().getSimpleName()
                + ").");
    }

    /** Failures of the network and of TLS that are not about certificates. */
    private static DeliveryError network(Throwable cause, List<Throwable> chain) {
        if (cause instanceof ConnectException) {
            return DeliveryError.transientOne("connection-refused", "The endpoint refused the connection.");
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")) {
            return DeliveryError.transientOne("timeout", "The endpoint did not connect or answer in time.");
        }
        if (cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
            return DeliveryError.transientOne("unreachable", "The endpoint's host could not be reached.");
        }
        if (cause instanceof SSLHandshakeException || cause instanceof SSLException) {
            boolean cutOff = chain.stream().anyMatch(c -> c instanceof EOFException || c instanceof SocketException
                    || c instanceof ClosedChannelException);
            if (cutOff) {
                return DeliveryError.transientOne("tls-interrupted", "The TLS handshake was cut off by the network.");
            }
            if (chain.stream().anyMatch(c -> c instanceof GeneralSecurityException)) {
                return DeliveryError.permanent("tls-certificate", "The endpoint's TLS certificate is not one the"
                        + " gateway trusts for this partner.");
            }
            return DeliveryError.permanent("tls-refused", "The TLS handshake was refused (a certificate or protocol"
                    + " version one side does not accept).");
        }
        if (cause instanceof SocketException || cause instanceof ClosedChannelException
                || cause instanceof EOFException || isClosedConnection(cause)) {
            return DeliveryError.transientOne("connection-lost", "The connection to the endpoint was reset or"
                    + " closed.");
        }
        return null;
    }

    // Vert.x reports a connection closed under a request as a VertxException of its own, by message.
    private static boolean isClosedConnection(Throwable cause) {
        return cause.getClass().getName().startsWith("io.vertx.") && cause.getMessage() != null
                && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed");
    }

    private static DeliveryError http(int status) {
        if (status >= 500 || status == 408 || status == 429) {
            return DeliveryError.transientOne("http-" + status, "The endpoint answered HTTP " + status
                    + ", which may pass.");
        }
        return DeliveryError.permanent("http-" + status, "The endpoint answered HTTP " + status
                + (status >= 400 && status < 500 ? ": it refuses the envelope and would refuse it again."
                : " instead of 200 with a receipt: it does not speak the gateway's protocol."));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
