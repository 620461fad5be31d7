package uk.xborder.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;

/**
 * Decrypts a CMS AuthEnvelopedData (RFC 5083) addressed to one party, which may hold several keys at once (during a
 * key rotation the old and the new certificate are both valid; senders switch at their own pace). The key is chosen
 * by the message's recipient identifier (issuer and serial number, or subject key identifier), never by trying keys
 * in turn. Because the content is encrypted with
 * AES-GCM, decryption and integrity are one step: altered ciphertext, tag or authenticated attributes fail the tag
 * check and nothing is returned.
 *
 * <p>Before any private-key operation it checks that the message uses algorithms {@link CryptoProfile} accepts,
 * in particular that an RSA recipient's key was encrypted with OAEP: a PKCS#1 v1.5 key transport is refused
 * outright, so this class cannot serve as a padding oracle.
 *
 * <p>Immutable and thread-safe.
 */
public final class CmsDecryptor implements Decryptor {

    private final List<Key> keys;

    /** One of our keys with its certificate, as recipient identifiers are matched against it. */
    private record Key(SigningIdentity identity, X509CertificateHolder certificate) {
    }

    private CmsDecryptor(List<Key> keys) {
        this.keys = keys;
    }

    /** A decryptor for messages encrypted to {@code identity}'s certificate. */
    public static CmsDecryptor create(SigningIdentity identity) throws GeneralSecurityException {
        return create(List.of(Objects.requireNonNull(identity, "identity")));
    }

    /**
     * A decryptor for messages encrypted to any of these identities' certificates (for example the current key and
     * the one it replaces); at least one.
     */
    public static CmsDecryptor create(List<SigningIdentity> identities) throws GeneralSecurityException {
        Objects.requireNonNull(identities, "identities");
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("At least one decryption key is required");
        }
        List<Key> keys = new ArrayList<>();
        for (SigningIdentity identity : identities) {
            try {
                keys.add(new Key(identity, new JcaX509CertificateHolder(identity.certificate())));
            } catch (CertificateEncodingException e) {
                throw new KeyMaterialException("Certificate " + Certificates.describe(identity.certificate())
                        + " cannot be encoded", e);
            }
        }
        return new CmsDecryptor(List.copyOf(keys));
    }

    @Override
    public byte[] decrypt(byte[] authEnvelopedDer) throws DecryptionFailedException {
        Objects.requireNonNull(authEnvelopedDer, "authEnvelopedDer");
        CMSAuthEnvelopedData enveloped = parse(authEnvelopedDer);
        if (!CryptoProfile.ACCEPTED_CONTENT_ENCRYPTION.contains(new ASN1ObjectIdentifier(enveloped.getEncryptionAlgOID()))) {
            throw new DecryptionFailedException("Content encryption " + enveloped.getEncryptionAlgOID()
                    + " is not accepted by the crypto profile (AES-GCM only)");
        }
        Match match = findRecipientInfo(enveloped);
        RecipientInformation mine = match.recipientInfo();
        SigningIdentity identity = match.key().identity();
        Recipient recipient = recipientFor(mine, identity);
        try {
            return mine.getContent(recipient);
        } catch (CMSException | RuntimeException e) {
            // Saying which step failed helps operators and gives an attacker nothing: the key transport is OAEP
            // or ECDH with AES key wrap, neither of which leaks through its error, and the tag check comes last.
            if (causedByBadTag(e)) {
                throw new DecryptionFailedException("Could not decrypt the message for " + describe(identity)
                        + ": the AES-GCM authentication tag did not verify, so the ciphertext, tag or parameters"
                        + " were altered", e);
            }
            throw new DecryptionFailedException("Could not decrypt the message for " + describe(identity)
                    + ": the content key could not be recovered (encrypted with another key, or corrupt)", e);
        }
    }

    private static boolean causedByBadTag(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AEADBadTagException) {
                return true;
            }
        }
        return false;
    }

    private static CMSAuthEnvelopedData parse(byte[] der) throws DecryptionFailedException {
        try {
            return new CMSAuthEnvelopedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new DecryptionFailedException("Not a CMS AuthEnvelopedData structure (malformed, or another CMS type)");
        }
    }

    private record Match(RecipientInformation recipientInfo, Key key) {
    }

    private Match findRecipientInfo(CMSAuthEnvelopedData enveloped) throws DecryptionFailedException {
        for (RecipientInformation candidate : enveloped.getRecipientInfos().getRecipients()) {
            for (Key key : keys) {
                // A RecipientId matches by issuer and serial number or by subject key identifier, whichever was used.
                if (candidate.getRID().match(key.certificate())) {
                    return new Match(candidate, key);
                }
            }
        }
        throw new NotEncryptedForUsException("The message has no recipient entry for " + describeSelf()
                + "; it was encrypted for someone else");
    }

    private static Recipient recipientFor(RecipientInformation mine, SigningIdentity identity)
            throws DecryptionFailedException {
        if (mine instanceof KeyAgreeRecipientInformation) {
            return new JceKeyAgreeAuthEnvelopedRecipient(identity.privateKey()).setProvider(CryptoProfile.PROVIDER);
        }
        if (mine instanceof KeyTransRecipientInformation) {
            if (!CryptoProfile.isAcceptableRsaKeyTransport(mine.getKeyEncryptionAlgorithm())) {
                throw new DecryptionFailedException("Key transport " + mine.getKeyEncryptionAlgOID()
                        + " is not accepted by the crypto profile (RSAES-OAEP with SHA-2 only)");
            }
            return new JceKeyTransAuthEnvelopedRecipient(identity.privateKey()).setProvider(CryptoProfile.PROVIDER);
        }
        throw new DecryptionFailedException("Recipient entry of type " + mine.getClass().getSimpleName()
                + " is not supported; expected key agreement (EC) or key transport (RSA)");
    }

    private String describeSelf() {
        return keys.stream().map(key -> describe(key.identity())).reduce((a, b) -> a + " or " + b).orElse("");
    }

    private static String describe(SigningIdentity identity) {
        return Certificates.describe(identity.certificate());
    }

    @Override
    public String toString() {
        return "CmsDecryptor" + keys.stream().map(key -> key.identity().toString()).toList();
    }
}
