package uk.xborder.gateway.inbound;

import java.util.Optional;

import uk.xborder.gateway.certificates.PartnerCertificates;
import uk.xborder.gateway.crypto.CertificateUntrustedException;
import uk.xborder.gateway.crypto.CmsSignatureVerifier;
import uk.xborder.gateway.crypto.SignatureVerifier;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.settings.InboundSettings.Revocation;

/**
 * Whom each partner's signatures must chain to: the same trust anchors and current CRLs the outbound path checks the
 * partner's certificate against ({@link PartnerCertificates}: the partner's own from the directory, else the
 * gateway's defaults; CRL files re-read when they change), with revocation hard-fail (unknown status refused) unless
 * configured soft-fail. Made at each use, so a CRL issued since the last envelope counts. Thread-safe.
 */
public final class SignerTrust {

    private final PartnerCertificates certificates;
    private final Revocation revocation;

    public SignerTrust(PartnerCertificates certificates, Revocation revocation) {
        this.certificates = certificates;
        this.revocation = revocation;
    }

    /**
     * The verifier for the partner's signatures; empty when none can be trusted: no trust anchor is configured, or
     * revocation is hard-fail and no current CRL is.
     */
    public Optional<SignatureVerifier> verifierFor(Partner partner) {
        try {
            return Optional.of(CmsSignatureVerifier.create(
                    certificates.validatorFor(partner, revocation == Revocation.SOFT_FAIL)));
        } catch (CertificateUntrustedException e) {
            return Optional.empty();
        }
    }
}
