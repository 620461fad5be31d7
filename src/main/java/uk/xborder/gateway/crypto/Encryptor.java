package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/** Encrypts content so that only the holder of the private key of one recipient certificate can read it. */
@FunctionalInterface
public interface Encryptor {

    /**
     * The encrypted message (for {@link CmsEncryptor}: a DER-encoded CMS AuthEnvelopedData).
     *
     * <p>The caller is responsible for having validated {@code recipient} (trusted issuer, not expired, not
     * revoked), for example with {@link CertificateValidator}; this method only checks that the certificate's key
     * can be used for encryption under {@link CryptoProfile}.
     */
    byte[] encrypt(byte[] plaintext, X509Certificate recipient) throws GeneralSecurityException;
}
