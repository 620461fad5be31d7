package uk.xborder.gateway.receipt;

import java.util.Optional;

import uk.xborder.gateway.certificates.PartnerCertificates;
import uk.xborder.gateway.crypto.CertificateUntrustedException;
import uk.xborder.gateway.crypto.CmsSignatureVerifier;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;

/**
 * Whom the gateway believes about receipts: for each partner, its own trust anchors and CRLs from the directory
 * (or the gateway's defaults where the directory gives none); and, to check a receipt's signature before anything
 * in it is read, the union of every partner's.
 *
 * <p>Revocation is always checked: a partner with no CRL, here or by default, cannot have its receipts believed,
 * because unknown revocation status is not good enough for closing an exchange.
 */
final class PartnerTrust {

    private final PartyDirectory directory;
    private final PartnerCertificates certificates;

    private PartnerTrust(PartyDirectory directory, PartnerCertificates certificates) {
        this.directory = directory;
        this.certificates = certificates;
    }

    /** Trust as the partner certificate checks decide it: the same anchors and current CRLs on every path. */
    static PartnerTrust of(PartyDirectory directory, PartnerCertificates certificates) {
        return new PartnerTrust(directory, certificates);
    }

    /** Verifies a signature whose signer chains to the partner's own trust anchors; empty when it has none. */
    Optional<CmsSignatureVerifier> forPartner(String partnerId) {
        Optional<Partner> partner = directory.partner(partnerId);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CmsSignatureVerifier.create(certificates.validatorFor(partner.get())));
        } catch (CertificateUntrustedException e) {
            return Optional.empty();
        }
    }

    /** Verifies a signature whose signer chains to any partner's trust anchors; empty when no partner has any. */
    Optional<CmsSignatureVerifier> forAnyPartner() {
        return certificates.validatorForAnyPartner().map(CmsSignatureVerifier::create);
    }
}
