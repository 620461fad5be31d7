package uk.xborder.gateway.crypto;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What the gateway uses a party's certificate for, and whether the certificate's key usage (RFC 5280, 4.2.1.3)
 * allows it, as {@link CmsEncryptor} and {@link CmsSignatureVerifier} require it. Checking ahead of use lets a caller
 * refuse a party with a reason instead of failing inside the cryptography.
 */
public enum CertificatePurpose {

    /**
     * Messages are encrypted to it: an EC key must allow keyAgreement (ephemeral-static ECDH), an RSA key
     * keyEncipherment (RSA-OAEP); the profile encrypts to no other kind of key.
     */
    ENCRYPTION("encryption") {
        @Override
        public Optional<String> unfitness(X509Certificate certificate) {
            String algorithm = certificate.getPublicKey().getAlgorithm();
            switch (algorithm) {
                case "EC":
                    return KeyUsage.allowsKeyAgreement(certificate) ? Optional.empty()
                            : Optional.of("its EC key's key usage does not allow keyAgreement, which encryption to"
                                    + " it needs");
                case "RSA":
                    return KeyUsage.allowsKeyEncipherment(certificate) ? Optional.empty()
                            : Optional.of("its RSA key's key usage does not allow keyEncipherment, which encryption"
                                    + " to it needs");
                default:
                    return Optional.of("it has a " + algorithm + " key; the crypto profile encrypts only to EC and RSA"
                            + " keys");
            }
        }
    },

    /** Its holder signs messages and receipts: the key usage must allow digitalSignature (or nonRepudiation). */
    SIGNING("signatures") {
        @Override
        public Optional<String> unfitness(X509Certificate certificate) {
            return KeyUsage.allowsSigning(certificate) ? Optional.empty()
                    : Optional.of("its key usage allows neither digitalSignature nor nonRepudiation, which"
                            + " signatures need");
        }
    };

    private final String label;

    CertificatePurpose(String label) {
        this.label = label;
    }

    /** Why the certificate may not be used for this purpose, as a clause ("its key usage ..."); empty when it may. */
    public abstract Optional<String> unfitness(X509Certificate certificate);

    /** The purpose in words, for messages: "encryption", "signatures". */
    public String label() {
        return label;
    }
}
