package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Hashtable;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs content as a CMS SignedData (RFC 5652) with the content inside, so that the signed message stands on its
 * own: {@code openssl cms -verify} needs nothing but the message and the signer's root CA.
 *
 * <p>The SignedData carries the signer's certificate and chain (the receiver needs them to build the path to its
 * trust anchor) and the signed attributes content-type, message-digest, signing-time (from the clock given) and
 * CMS algorithm protection (RFC 6211). Algorithms come from {@link CryptoProfile}.
 *
 * <p>Immutable and thread-safe: the stateful signature engine is made afresh for every message.
 */
public final class CmsSigner implements Signer {

    private final SigningIdentity identity;
    private final Clock clock;
    private final String signatureAlgorithm;

    private CmsSigner(SigningIdentity identity, Clock clock, String signatureAlgorithm) {
        this.identity = identity;
        this.clock = clock;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** A signer that stamps the system clock's time as the signing time. */
    public static CmsSigner create(SigningIdentity identity) throws GeneralSecurityException {
        return create(identity, Clock.systemUTC());
    }

    /**
     * A signer for {@code identity}.
     *
     * @throws KeyMaterialException if the certificate's key usage does not allow signing
     */
    public static CmsSigner create(SigningIdentity identity, Clock clock) throws GeneralSecurityException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(clock, "clock");
        X509Certificate certificate = identity.certificate();
        if (!KeyUsage.allowsSigning(certificate)) {
            throw new KeyMaterialException("Certificate " + Certificates.describe(certificate)
                    + " does not allow digitalSignature or nonRepudiation; it cannot sign messages");
        }
        return new CmsSigner(identity, clock, CryptoProfile.signatureAlgorithm(identity.privateKey()));
    }

    @Override
    public byte[] sign(byte[] content) throws GeneralSecurityException {
        Objects.requireNonNull(content, "content");
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(signatureAlgorithm)
                    .setProvider(CryptoProfile.PROVIDER)
                    .build(identity.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProfile.PROVIDER).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime()))
                    .build(contentSigner, identity.certificate()));
            generator.addCertificates(new JcaCertStore(identity.certificateAndChain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), true);
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new SignatureException("Could not sign as " + Certificates.describe(identity.certificate())
                    + " with " + signatureAlgorithm, e);
        }
    }

    /** The signing-time attribute; the default generator would take it from the system clock instead. */
    private AttributeTable signingTime() {
        Hashtable<Object, Object> attributes = new Hashtable<>();
        attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(clock.instant())))));
        return new AttributeTable(attributes);
    }

    @Override
    public String toString() {
        return "CmsSigner[" + identity + ", " + signatureAlgorithm + "]";
    }
}
