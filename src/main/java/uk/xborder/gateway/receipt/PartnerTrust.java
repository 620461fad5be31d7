package uk.xborder.gateway.receipt;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.xborder.gateway.crypto.CertificateValidator;
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

    private final Map<String, CmsSignatureVerifier> byPartner;
    private final CmsSignatureVerifier anyPartner;

    private PartnerTrust(Map<String, CmsSignatureVerifier> byPartner, CmsSignatureVerifier anyPartner) {
        this.byPartner = byPartner;
        this.anyPartner = anyPartner;
    }

    /**
     * @param defaultAnchors CA certificates for partners whose directory entry names none
     * @param defaultCrls    CRLs for partners whose directory entry names none
     */
    static PartnerTrust of(PartyDirectory directory, List<X509Certificate> defaultAnchors,
                           List<X509CRL> defaultCrls, Clock clock) {
        Map<String, CmsSignatureVerifier> byPartner = new LinkedHashMap<>();
        List<X509Certificate> allAnchors = new ArrayList<>();
        List<X509CRL> allCrls = new ArrayList<>();
        for (Partner partner : directory.partners()) {
            List<X509Certificate> anchors = partner.trustAnchors().isEmpty() ? defaultAnchors : partner.trustAnchors();
            List<X509CRL> crls = partner.crls().isEmpty() ? defaultCrls : partner.crls();
            if (anchors.isEmpty() || crls.isEmpty()) {
                continue;
            }
            byPartner.put(partner.id(), verifier(anchors, crls, clock));
            allAnchors.addAll(anchors);
            allCrls.addAll(crls);
        }
        return new PartnerTrust(Map.copyOf(byPartner),
                allAnchors.isEmpty() ? null : verifier(allAnchors, allCrls, clock));
    }

    /** Verifies a signature whose signer chains to the partner's own trust anchors; empty when it has none. */
    Optional<CmsSignatureVerifier> forPartner(String partnerId) {
        return Optional.ofNullable(byPartner.get(partnerId));
    }

    /** Verifies a signature whose signer chains to any partner's trust anchors; empty when no partner has any. */
    Optional<CmsSignatureVerifier> forAnyPartner() {
        return Optional.ofNullable(anyPartner);
    }

    private static CmsSignatureVerifier verifier(List<X509Certificate> anchors, List<X509CRL> crls, Clock clock) {
        return CmsSignatureVerifier.create(CertificateValidator.builder().trustAnchors(anchors).crls(crls)
                .clock(clock).build());
    }
}
