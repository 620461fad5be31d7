package uk.xborder.gateway.transport;

import java.security.GeneralSecurityException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import uk.xborder.gateway.directory.Partner;

/**
 * Which TLS peers the gateway trusts: a certificate that chains to a partner's configured trust anchors and is on
 * none of its CRLs. Decision: revocation is checked against the directory's CRLs only (no OCSP, no CRL distribution
 * points: the gateway reaches nothing but its partners), and hard-fails: a certificate whose issuer has no CRL in
 * the directory is refused, as the message path refuses it.
 */
public final class PartnerTrust {

    private PartnerTrust() {
    }

    /** For a POST to one partner: its server certificate must chain to that partner's anchors. */
    public static X509ExtendedTrustManager of(Partner partner) throws GeneralSecurityException {
        if (partner.trustAnchors().isEmpty()) {
            throw new GeneralSecurityException("partner '" + partner.id() + "' is reached over HTTPS but the"
                    + " directory names no trustAnchor for it");
        }
        return trustManager(partner.trustAnchors(), partner.crls());
    }

    /**
     * For the inbound endpoint: a client certificate must chain to the anchors of some partner. Which partner it
     * belongs to is the inbound pipeline's question (the envelope names its sender).
     */
    public static X509ExtendedTrustManager ofAll(Collection<Partner> partners) throws GeneralSecurityException {
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        Set<X509CRL> crls = new LinkedHashSet<>();
        for (Partner partner : partners) {
            anchors.addAll(partner.trustAnchors());
            crls.addAll(partner.crls());
        }
        if (anchors.isEmpty()) {
            throw new GeneralSecurityException("the inbound HTTPS endpoint is on, but no partner in the directory"
                    + " names a trustAnchor, so no client could be accepted");
        }
        return trustManager(List.copyOf(anchors), List.copyOf(crls));
    }

    private static X509ExtendedTrustManager trustManager(List<X509Certificate> anchorCertificates, List<X509CRL> crls)
            throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate anchor : anchorCertificates) {
            anchors.add(new TrustAnchor(anchor, null));
        }
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK's PKIX trust manager factory made no X.509 trust manager");
    }
}
