package uk.xborder.gateway.crypto;

/** Checks a signed message and hands back its content only if the signature and the signer are good. */
@FunctionalInterface
public interface SignatureVerifier {

    /**
     * The content and signer of a DER-encoded CMS SignedData with the content inside.
     *
     * @throws CmsVerificationException, as the subtype that says what is wrong: {@link SignatureInvalidException},
     *     {@link CertificateUntrustedException}, {@link CertificateExpiredException} or
     *     {@link CertificateRevokedException}
     */
    VerifiedContent verify(byte[] signedDataDer) throws CmsVerificationException;
}
