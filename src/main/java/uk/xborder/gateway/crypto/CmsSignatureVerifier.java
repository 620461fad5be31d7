package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies a CMS SignedData (RFC 5652) with the content inside, as produced by {@link CmsSigner} or by
 * {@code openssl cms -sign -nodetach}, and returns the content only if everything holds:
 * <ol>
 *   <li>the structure is a SignedData with encapsulated content and exactly one signer;</li>
 *   <li>its digest and signature algorithms are ones {@link CryptoProfile} accepts;</li>
 *   <li>the signature verifies with the public key of the signer certificate carried in the message
 *       ({@link SignatureInvalidException} otherwise);</li>
 *   <li>that certificate allows signing, and the {@link CertificateValidator} accepts it now (trusted, in date,
 *       not revoked), using the other certificates in the message to complete the path.</li>
 * </ol>
 * The signature is checked first, so a tampered message is reported as tampered whoever claims to have signed it.
 * The certificate is validated at the validator's clock time, not at the claimed signing time: the signing-time
 * attribute is the signer's own claim and cannot make an expired certificate good.
 *
 * <p>Immutable and thread-safe.
 */
public final class CmsSignatureVerifier implements SignatureVerifier {

    private final CertificateValidator validator;

    private CmsSignatureVerifier(CertificateValidator validator) {
        this.validator = validator;
    }

    public static CmsSignatureVerifier create(CertificateValidator validator) {
        return new CmsSignatureVerifier(Objects.requireNonNull(validator, "validator"));
    }

    @Override
    public VerifiedContent verify(byte[] signedDataDer) throws CmsVerificationException {
        Objects.requireNonNull(signedDataDer, "signedDataDer");
        CMSSignedData signedData = parse(signedDataDer);
        CMSTypedData signedContent = signedData.getSignedContent();
        if (signedContent == null || !(signedContent.getContent() instanceof byte[])) {
            throw new SignatureInvalidException("The SignedData does not contain its content (detached signature)");
        }
        Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            throw new UnsignedContentException("The SignedData has no signer");
        }
        if (signers.size() != 1) {
            throw new SignatureInvalidException("Expected exactly one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        if (!CryptoProfile.isAcceptableSignature(signer.getDigestAlgorithmID(), signer.toASN1Structure()
                .getDigestEncryptionAlgorithm())) {
            throw new SignatureInvalidException("Signature algorithm " + signer.getEncryptionAlgOID() + " with digest "
                    + signer.getDigestAlgOID() + " is not accepted by the crypto profile");
        }
        List<X509Certificate> carried = carriedCertificates(signedData);
        X509Certificate signerCertificate = signerCertificate(signedData, signer);

        verifySignature(signer, signerCertificate);
        if (!KeyUsage.allowsSigning(signerCertificate)) {
            throw new CertificateUntrustedException("Certificate " + Certificates.describe(signerCertificate)
                    + " does not allow digitalSignature or nonRepudiation");
        }
        validator.validate(signerCertificate, carried);
        return new VerifiedContent((byte[]) signedContent.getContent(), signerCertificate, signingTime(signer));
    }

    private static CMSSignedData parse(byte[] der) throws SignatureInvalidException {
        try {
            return new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new UnsignedContentException("Not a CMS SignedData structure (unsigned, malformed, or another CMS"
                    + " type)");
        }
    }

    private static void verifySignature(SignerInformation signer, X509Certificate certificate)
            throws SignatureInvalidException {
        boolean valid;
        try {
            // Built from the bare public key on purpose: with a certificate, Bouncy Castle would also judge the
            // certificate's validity at the claimed signing time, which is the CertificateValidator's job.
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(CryptoProfile.PROVIDER)
                    .build(certificate.getPublicKey()));
        } catch (CMSException e) {
            // Includes CMSSignerDigestMismatchException: the content does not match the signed digest.
            throw new SignatureInvalidException("The signature of " + Certificates.describe(certificate)
                    + " does not verify: " + e.getMessage(), e);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new SignatureInvalidException("The signature of " + Certificates.describe(certificate)
                    + " cannot be checked (unsupported or malformed algorithm)", e);
        }
        if (!valid) {
            throw new SignatureInvalidException("The signature of " + Certificates.describe(certificate)
                    + " does not verify: the content or signed attributes were altered");
        }
    }

    private static X509Certificate signerCertificate(CMSSignedData signedData, SignerInformation signer)
            throws SignatureInvalidException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new SignatureInvalidException("The SignedData does not carry its signer's certificate");
        }
        try {
            return Certificates.toJdk(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            throw new SignatureInvalidException("The signer's certificate in the SignedData is malformed", e);
        }
    }

    private static List<X509Certificate> carriedCertificates(CMSSignedData signedData) throws SignatureInvalidException {
        List<X509Certificate> certificates = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = signedData.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : holders) {
            try {
                certificates.add(Certificates.toJdk(holder));
            } catch (GeneralSecurityException e) {
                throw new SignatureInvalidException("A certificate in the SignedData is malformed", e);
            }
        }
        return certificates;
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "CmsSignatureVerifier[" + validator + "]";
    }
}
