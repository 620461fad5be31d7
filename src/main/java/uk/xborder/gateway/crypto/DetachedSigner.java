package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Signs bytes with a party's private key and returns the bare signature, not a CMS structure: for small, fixed
 * statements such as audit checkpoints, whose text the verifier rebuilds itself. The algorithm is
 * {@link CryptoProfile}'s for the key (ECDSA P-256 with SHA-256, DER-encoded; RSASSA-PSS with SHA-256), so
 * {@code openssl dgst -sha256 -verify} checks the result.
 *
 * <p>Immutable and thread-safe (a fresh {@link Signature} per call). The private key stays inside this package;
 * {@link #toString()} names the certificate only.
 */
public final class DetachedSigner {

    private final SigningIdentity identity;
    private final String algorithm;

    private DetachedSigner(SigningIdentity identity, String algorithm) {
        this.identity = identity;
        this.algorithm = algorithm;
    }

    /**
     * A signer for {@code identity}.
     *
     * @throws KeyMaterialException if the certificate's key usage does not allow signing, or the key is outside
     *     the crypto profile
     */
    public static DetachedSigner create(SigningIdentity identity) throws KeyMaterialException {
        Objects.requireNonNull(identity, "identity");
        X509Certificate certificate = identity.certificate();
        if (!KeyUsage.allowsSigning(certificate)) {
            throw new KeyMaterialException("Certificate " + Certificates.describe(certificate)
                    + " does not allow digitalSignature or nonRepudiation; it cannot sign");
        }
        try {
            return new DetachedSigner(identity, CryptoProfile.signatureAlgorithm(identity.privateKey()));
        } catch (java.security.InvalidKeyException e) {
            throw new KeyMaterialException(e.getMessage() + " (certificate " + Certificates.describe(certificate) + ")");
        }
    }

    /** The signature over {@code data}. */
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        Objects.requireNonNull(data, "data");
        try {
            Signature signature = Signature.getInstance(algorithm, CryptoProfile.PROVIDER);
            signature.initSign(identity.privateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            // The provider's message could describe the key; say only who and how.
            throw new SignatureException("Could not sign as " + Certificates.describe(identity.certificate())
                    + " with " + algorithm);
        }
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** The certificate followed by its issuing CAs, nearest first. */
    public List<X509Certificate> certificateAndChain() {
        return identity.certificateAndChain();
    }

    @Override
    public String toString() {
        return "DetachedSigner[" + identity + ", " + algorithm + "]";
    }
}
