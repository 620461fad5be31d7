package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Checks a bare signature made by {@link DetachedSigner}: the algorithm follows from the certificate's key type as
 * {@link CryptoProfile} says, so a signature can never choose a weaker algorithm for itself. Only the signature is
 * checked here; whether the certificate is trustworthy is {@link CertificateValidator}'s question.
 */
public final class DetachedSignatureVerifier {

    private DetachedSignatureVerifier() {
    }

    /**
     * Returns normally if {@code signature} is {@code signer}'s signature over {@code data}.
     *
     * @throws SignatureInvalidException the signature does not verify, is malformed, the certificate's key usage does
     *     not allow signing, or its key is outside the crypto profile
     */
    public static void verify(X509Certificate signer, byte[] data, byte[] signature)
            throws SignatureInvalidException {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        String who = Certificates.describe(signer);
        if (!KeyUsage.allowsSigning(signer)) {
            throw new SignatureInvalidException("Certificate " + who
                    + " does not allow digitalSignature or nonRepudiation; its signatures do not count");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(CryptoProfile.signatureAlgorithm(signer.getPublicKey()),
                    CryptoProfile.PROVIDER);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(data);
            valid = verifier.verify(signature);
        } catch (InvalidKeyException e) {
            throw new SignatureInvalidException(e.getMessage() + " (certificate " + who + ")");
        } catch (GeneralSecurityException | RuntimeException malformed) {
            // e.g. an ECDSA signature that is not a DER Ecdsa-Sig-Value
            valid = false;
        }
        if (!valid) {
            throw new SignatureInvalidException("The signature does not verify with the key of certificate " + who);
        }
    }
}
