package uk.xborder.gateway.crypto;

import java.security.cert.X509Certificate;

/**
 * Reads the key usage extension (RFC 5280, 4.2.1.3). A certificate without the extension may be used for any
 * purpose; with it, only for those it names.
 */
final class KeyUsage {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private KeyUsage() {
    }

    static boolean allowsSigning(X509Certificate certificate) {
        return allows(certificate, DIGITAL_SIGNATURE) || allows(certificate, NON_REPUDIATION);
    }

    static boolean allowsKeyEncipherment(X509Certificate certificate) {
        return allows(certificate, KEY_ENCIPHERMENT);
    }

    static boolean allowsKeyAgreement(X509Certificate certificate) {
        return allows(certificate, KEY_AGREEMENT);
    }

    /** Whether the extended key usage extension is present and names {@code purposeOid}. */
    static boolean hasExtendedPurpose(X509Certificate certificate, String purposeOid) {
        try {
            java.util.List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(purposeOid);
        } catch (java.security.cert.CertificateParsingException malformed) {
            return false;
        }
    }

    private static boolean allows(X509Certificate certificate, int bit) {
        boolean[] usage = certificate.getKeyUsage();
        return usage == null || (usage.length > bit && usage[bit]);
    }
}
