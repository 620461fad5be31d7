package uk.xborder.gateway.inbound;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.CmsSignatureVerifier;
import uk.xborder.gateway.crypto.SignatureVerifier;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.settings.InboundSettings.Revocation;

/**
 * Whom each partner's signatures must chain to: the partner's own trust anchors and CRLs from the directory, else
 * the gateway's defaults, with revocation hard-fail (unknown status refused) unless configured soft-fail. One
 * verifier per partner, made on first use. Thread-safe.
 */
public final class SignerTrust {

    private final List<X509Certificate> defaultAnchors;
    private final List<X509CRL> defaultCrls;
    private final Revocation revocation;
    private final Clock clock;
    private final Map<String, Optional<SignatureVerifier>> verifiers = new ConcurrentHashMap<>();

    public SignerTrust(List<X509Certificate> defaultAnchors, List<X509CRL> defaultCrls, Revocation revocation,
                       Clock clock) {
        this.defaultAnchors = List.copyOf(defaultAnchors);
        this.defaultCrls = List.copyOf(defaultCrls);
        this.revocation = revocation;
        this.clock = clock;
    }

    /**
     * The verifier for the partner's signatures; empty when none can be trusted: no trust anchor is configured, or
     * revocation is hard-fail and no CRL is.
     */
    public Optional<SignatureVerifier> verifierFor(Partner partner) {
        return verifiers.computeIfAbsent(partner.id(), id -> build(partner));
    }

    private Optional<SignatureVerifier> build(Partner partner) {
        List<X509Certificate> anchors = partner.trustAnchors().isEmpty() ? defaultAnchors : partner.trustAnchors();
        List<X509CRL> crls = partner.crls().isEmpty() ? defaultCrls : partner.crls();
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        CertificateValidator.Builder validator = CertificateValidator.builder().trustAnchors(anchors).clock(clock);
        if (crls.isEmpty()) {
            if (revocation == Revocation.HARD_FAIL) {
                return Optional.empty();
            }
            validator.withoutRevocationChecking();
        } else {
            validator.crls(crls);
            if (revocation == Revocation.SOFT_FAIL) {
                validator.softFailRevocation();
            }
        }
        return Optional.of(CmsSignatureVerifier.create(validator.build()));
    }
}
