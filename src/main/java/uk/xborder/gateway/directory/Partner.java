package uk.xborder.gateway.directory;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.xborder.gateway.message.GradingScheme;

/**
 * A recipient the gateway may deliver to: an external partner or a UK agency reached in its own format.
 *
 * @param id                 party id used in messages' recipient lists
 * @param name               name as people know it
 * @param jurisdiction       {@code UK} for domestic recipients; anything else is a transfer outside the UK
 * @param format             id of the XML format exchanged with the partner, in both directions
 * @param endpoint           where envelopes for the partner go: a JMS endpoint URI ({@code jms:queue:...} on the
 *                           gateway's broker, or another JMS component for the partner's broker) or an
 *                           {@code https://} URL (the receipt then comes back in the response)
 * @param receiptEndpoint    where the gateway's receipts for envelopes from this partner go over JMS; empty for an
 *                           HTTPS partner, whose receipts travel in the HTTP response
 * @param certificate        the partner's certificate: we encrypt to it, and the partner signs (and, over HTTPS,
 *                           authenticates) as its subject
 * @param trustAnchors       the CA certificates the partner's certificates must chain to; empty means the
 *                           gateway's default partner trust anchors
 * @param crls               revocation lists for the partner's PKI; empty means the gateway's default CRLs
 * @param receiptTimeout     how long to wait for the partner's receipt before sending the same envelope again
 * @param resendAttempts     how many times the same envelope is sent again for want of a receipt before the
 *                           exchange is FAILED
 * @param retry              how a hand-over that failed for a reason that may pass (the endpoint down, a timeout,
 *                           an HTTP 5xx) is tried again, off the agency's queue
 * @param highestMarking     the highest protective marking the partner is accredited to receive
 * @param handlingPermitted  per grading scheme, the handling codes under which the partner may receive material
 */
public record Partner(String id, String name, String jurisdiction, String format, String endpoint,
                      Optional<String> receiptEndpoint, X509Certificate certificate,
                      List<X509Certificate> trustAnchors, List<X509CRL> crls,
                      Duration receiptTimeout, int resendAttempts, RetryPolicy retry, Marking highestMarking,
                      Map<GradingScheme, Set<String>> handlingPermitted) {

    public static final String UNITED_KINGDOM = "UK";

    /** How envelopes travel to and from a partner. */
    public enum Transport { JMS, HTTPS }

    public Partner {
        trustAnchors = List.copyOf(trustAnchors);
        crls = List.copyOf(crls);
        handlingPermitted = Map.copyOf(handlingPermitted);
        java.util.Objects.requireNonNull(retry, "retry");
    }

    /** HTTPS when the endpoint is an https URL, otherwise JMS. */
    public Transport transport() {
        return endpoint.startsWith("https://") ? Transport.HTTPS : Transport.JMS;
    }

    public boolean isOutsideUnitedKingdom() {
        return !UNITED_KINGDOM.equals(jurisdiction);
    }

    public boolean mayReceiveHandling(GradingScheme scheme, String code) {
        return handlingPermitted.getOrDefault(scheme, Set.of()).contains(code);
    }
}
