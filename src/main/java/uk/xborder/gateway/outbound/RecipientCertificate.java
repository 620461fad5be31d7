package uk.xborder.gateway.outbound;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.certificates.PartnerCertificates;
import uk.xborder.gateway.crypto.CertificatePurpose;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.pipeline.ExchangeProperties;

/**
 * Checks, before anything is prepared for a recipient, that its directory certificate may be encrypted to now
 * (chain, validity, revocation, key usage). A certificate that fails refuses that recipient with its
 * {@code PARTNER_CERTIFICATE_*} reason; the other recipients go on.
 */
public final class RecipientCertificate {

    private final PartyDirectory directory;
    private final PartnerCertificates certificates;

    public RecipientCertificate(PartyDirectory directory, PartnerCertificates certificates) {
        this.directory = directory;
        this.certificates = certificates;
    }

    public void check(@ExchangeProperty(ExchangeProperties.RECIPIENT) String recipient) {
        certificates.requireUsable(directory.partner(recipient).orElseThrow(), CertificatePurpose.ENCRYPTION);
    }
}
