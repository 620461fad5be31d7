package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * Encrypts for one recipient as a CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM, choosing the key management
 * from the recipient certificate's key: ephemeral-static ECDH with AES key wrap for EC keys, RSAES-OAEP for RSA
 * keys (see {@link CryptoProfile}). Any other key type is refused with a message that names it.
 *
 * <p>Immutable and thread-safe. Every call uses a fresh content key, GCM nonce and (for EC) ephemeral key pair.
 */
public final class CmsEncryptor implements Encryptor {

    private final SecureRandom random;

    private CmsEncryptor(SecureRandom random) {
        this.random = random;
    }

    /** An encryptor using the platform's default strong random source. */
    public static CmsEncryptor create() {
        return new CmsEncryptor(new SecureRandom());
    }

    @Override
    public byte[] encrypt(byte[] plaintext, X509Certificate recipient) throws GeneralSecurityException {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(recipient, "recipient");
        RecipientInfoGenerator recipientInfo = recipientInfoFor(recipient);
        try {
            OutputEncryptor contentEncryptor = new JceCMSContentEncryptorBuilder(CryptoProfile.CONTENT_ENCRYPTION)
                    .setProvider(CryptoProfile.PROVIDER)
                    .setSecureRandom(random)
                    .build();
            if (!(contentEncryptor instanceof OutputAEADEncryptor)) {
                // AuthEnvelopedData is only defined for authenticated ciphers; fail loudly if the profile changes.
                throw new GeneralSecurityException(CryptoProfile.CONTENT_ENCRYPTION + " is not an AEAD cipher");
            }
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(recipientInfo);
            CMSAuthEnvelopedData enveloped = generator.generate(
                    new CMSProcessableByteArray(plaintext), (OutputAEADEncryptor) contentEncryptor);
            return enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException e) {
            throw new GeneralSecurityException("Could not encrypt for " + Certificates.describe(recipient), e);
        }
    }

    private RecipientInfoGenerator recipientInfoFor(X509Certificate recipient) throws GeneralSecurityException {
        PublicKey key = recipient.getPublicKey();
        switch (key.getAlgorithm()) {
            case "EC":
                if (!KeyUsage.allowsKeyAgreement(recipient)) {
                    throw new InvalidKeyException("Recipient certificate " + Certificates.describe(recipient)
                            + " has an EC key whose key usage does not allow keyAgreement");
                }
                KeyPair ephemeral = ephemeralKeyPairOnCurveOf(key, recipient);
                return new JceKeyAgreeRecipientInfoGenerator(CryptoProfile.EC_KEY_AGREEMENT,
                        ephemeral.getPrivate(), ephemeral.getPublic(), CryptoProfile.EC_KEY_WRAP)
                        .setProvider(CryptoProfile.PROVIDER)
                        .setSecureRandom(random)
                        .addRecipient(recipient);
            case "RSA":
                if (!KeyUsage.allowsKeyEncipherment(recipient)) {
                    throw new InvalidKeyException("Recipient certificate " + Certificates.describe(recipient)
                            + " has an RSA key whose key usage does not allow keyEncipherment");
                }
                CryptoProfile.requireRsaStrength(key);
                // Explicit OAEP: without the algorithm identifier Bouncy Castle would use PKCS#1 v1.5.
                return new JceKeyTransRecipientInfoGenerator(recipient, CryptoProfile.rsaOaep())
                        .setProvider(CryptoProfile.PROVIDER);
            default:
                throw new InvalidKeyException("Recipient certificate " + Certificates.describe(recipient)
                        + " has a " + key.getAlgorithm() + " key; the crypto profile can encrypt only to EC and"
                        + " RSA keys");
        }
    }

    /**
     * A fresh key pair on the recipient's named curve. The curve is taken from the certificate's own encoding (an
     * OID), so the ephemeral public key in the message names the same curve the same way; certificates with
     * explicit curve parameters are refused, as RFC 5480 requires.
     */
    private KeyPair ephemeralKeyPairOnCurveOf(PublicKey key, X509Certificate recipient) throws GeneralSecurityException {
        ASN1Encodable parameters = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
        if (!(parameters instanceof ASN1ObjectIdentifier)) {
            throw new InvalidKeyException("Recipient certificate " + Certificates.describe(recipient)
                    + " does not name its EC curve; only named curves are supported");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProfile.PROVIDER);
        generator.initialize(new ECGenParameterSpec(((ASN1ObjectIdentifier) parameters).getId()), random);
        return generator.generateKeyPair();
    }

    @Override
    public String toString() {
        return "CmsEncryptor[AuthEnvelopedData, AES-256-GCM]";
    }
}
