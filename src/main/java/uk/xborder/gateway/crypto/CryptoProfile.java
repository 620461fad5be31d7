package uk.xborder.gateway.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Set;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Every cryptographic algorithm the gateway uses, chosen here and only here.
 *
 * <p>The profile is CMS (RFC 5652) as agreed with partners: <em>sign first</em> (SignedData, content included),
 * <em>then encrypt</em> for each recipient (AuthEnvelopedData, RFC 5083). Each choice below is one that OpenSSL 3.0
 * and Bouncy Castle both implement, so that any partner or auditor can check our output with plain
 * {@code openssl cms}. The interop tests in {@code CmsOpenSslInteropTest} prove that for every choice here.
 *
 * <h2>What we produce</h2>
 * <ul>
 *   <li><b>Digest: SHA-256.</b> Used for the CMS message-digest attribute and inside every signature below.
 *       Universally supported, no known weakness, and the same strength as the P-256 keys and AES-256.</li>
 *   <li><b>Signatures with an EC key: ECDSA with SHA-256</b> ({@code ecdsa-with-SHA256}). The gateway's own key is
 *       EC P-256, so this is what partners see in practice.</li>
 *   <li><b>Signatures with an RSA key: RSASSA-PSS</b> with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 4056).
 *       PSS has a security proof that PKCS#1 v1.5 signatures lack. We checked that {@code openssl cms -verify}
 *       (OpenSSL 3.0) accepts it, so there is no interoperability reason to fall back to
 *       {@code SHA256withRSA}; the interop test keeps checking this.</li>
 *   <li><b>Content encryption: AES-256-GCM in AuthEnvelopedData</b> (RFC 5083, RFC 5084). Authenticated
 *       encryption: any change to the ciphertext makes decryption fail on the GCM tag, instead of yielding altered
 *       plaintext that a later step might trust. A fresh random content key and nonce for every message.</li>
 *   <li><b>EC recipients: ephemeral-static ECDH</b> ({@code dhSinglePass-stdDH-sha256kdf-scheme}, the X9.63 KDF
 *       with SHA-256) wrapping the content key with <b>AES-256 key wrap</b> (RFC 3394). A fresh ephemeral key
 *       pair on the recipient's curve for every message.</li>
 *   <li><b>RSA recipients: RSAES-OAEP</b> with SHA-256 and MGF1-SHA-256 (RFC 4055), set explicitly, because Bouncy
 *       Castle's {@code JceKeyTransRecipientInfoGenerator} would otherwise use PKCS#1 v1.5, whose padding-oracle
 *       weaknesses (Bleichenbacher) are exactly what OAEP avoids.</li>
 *   <li><b>RSA keys of at least 2048 bits</b>, ours or a recipient's (the example partner uses 3072).</li>
 *   <li><b>Detached signatures</b> (audit checkpoints, {@link DetachedSigner}): the same signature algorithms over the
 *       raw bytes, ECDSA signatures DER-encoded (X9.62 {@code Ecdsa-Sig-Value}). That is what
 *       {@code openssl dgst -sha256 -sign} writes and {@code -verify} reads, so an auditor can check a checkpoint
 *       with OpenSSL alone (for PSS add {@code -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32}).</li>
 *   <li><b>The audit-log signing key</b> is recognised by its extended key usage
 *       {@link #AUDIT_LOG_SIGNING_PURPOSE}: a checkpoint counts only if the certificate that signed it carries that
 *       purpose, so no other certificate of the same CA can stand in for the audit key.</li>
 * </ul>
 *
 * <h2>What we accept</h2>
 * Inbound we are as strict as we can be without refusing a correct partner: SHA-2 digests only (never SHA-1 or
 * MD5), ECDSA or RSA signatures (PSS or PKCS#1 v1.5: both are sound for signatures), AES-GCM content encryption
 * only (AuthEnvelopedData requires an AEAD cipher), and, for RSA recipients, OAEP only: a PKCS#1 v1.5 key
 * transport is refused before any decryption is attempted, so we can never act as a padding oracle.
 *
 * <h2>Provider</h2>
 * One Bouncy Castle provider instance, {@link #PROVIDER}, is handed explicitly to every Bouncy Castle builder. It
 * is deliberately <em>not</em> registered with {@code Security.addProvider}: nothing else in the JVM changes
 * behaviour because this package is present, and this package never picks up a different provider by accident.
 * Certificate parsing and path validation use the JDK's own X.509 and PKIX implementation.
 */
public final class CryptoProfile {

    /** The single Bouncy Castle provider instance passed to every builder in this package. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    /** Digest for the CMS message-digest attribute and inside signatures. */
    public static final ASN1ObjectIdentifier DIGEST = NISTObjectIdentifiers.id_sha256;

    /** JCA name of the signature algorithm for EC signing keys. */
    public static final String EC_SIGNATURE = "SHA256withECDSA";

    /** JCA (Bouncy Castle) name of RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt, trailer 1. */
    public static final String RSA_SIGNATURE = "SHA256withRSAandMGF1";

    /** Content encryption inside AuthEnvelopedData. */
    public static final ASN1ObjectIdentifier CONTENT_ENCRYPTION = CMSAlgorithm.AES256_GCM;

    /** Key agreement for EC recipients: ephemeral-static ECDH with the X9.63 KDF over SHA-256. */
    public static final ASN1ObjectIdentifier EC_KEY_AGREEMENT = CMSAlgorithm.ECDH_SHA256KDF;

    /** Wraps the content key under the ECDH-derived key. */
    public static final ASN1ObjectIdentifier EC_KEY_WRAP = CMSAlgorithm.AES256_WRAP;

    /**
     * Extended key usage (RFC 5280, 4.2.1.12) of the gateway's audit-log signing certificate: "signs audit
     * checkpoints of the xborder gateway". An OID under 2.25, the UUID arc of ITU-T X.667 / ISO/IEC 9834-8, which
     * anyone may mint from a random UUID without registration; this one is ours and must never change, or old
     * evidence bundles stop verifying. {@code certs-example/generate.sh} puts it in the example audit certificate;
     * a real deployment asks its CA for it.
     */
    public static final String AUDIT_LOG_SIGNING_PURPOSE = "2.25.264163566466402517913566516995316176419";

    /** Smallest RSA modulus we sign with, encrypt to or accept from a signer. */
    public static final int MIN_RSA_KEY_BITS = 2048;

    /** Digests accepted in signatures we verify. */
    static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    /**
     * Signature algorithm identifiers accepted in SignerInfos we verify. The bare key algorithms
     * ({@code rsaEncryption}, {@code id-ecPublicKey}) appear in real SignerInfos; with them the SignerInfo's
     * digest algorithm decides the hash, and that is checked against {@link #ACCEPTED_DIGESTS}.
     */
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_SIGNATURES = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, X9ObjectIdentifiers.id_ecPublicKey,
            PKCSObjectIdentifiers.id_RSASSA_PSS, PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption);

    /** Content encryption accepted in AuthEnvelopedData we decrypt. */
    static final Set<ASN1ObjectIdentifier> ACCEPTED_CONTENT_ENCRYPTION = Set.of(
            CMSAlgorithm.AES128_GCM, CMSAlgorithm.AES192_GCM, CMSAlgorithm.AES256_GCM);

    private CryptoProfile() {
    }

    /** The JCA signature algorithm for a signing key, or a clear refusal for a key type outside the profile. */
    static String signatureAlgorithm(Key key) throws InvalidKeyException {
        switch (key.getAlgorithm()) {
            case "EC":
            case "ECDSA":
                return EC_SIGNATURE;
            case "RSA":
                requireRsaStrength(key);
                return RSA_SIGNATURE;
            default:
                throw new InvalidKeyException("Keys of type " + key.getAlgorithm()
                        + " are not in the crypto profile; use an EC (P-256) or RSA (at least "
                        + MIN_RSA_KEY_BITS + " bits) key");
        }
    }

    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label: the key encryption for RSA recipients. */
    static AlgorithmIdentifier rsaOaep() throws InvalidAlgorithmParameterException {
        return new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    }

    static void requireRsaStrength(Key key) throws InvalidKeyException {
        if (key instanceof RSAKey && ((RSAKey) key).getModulus().bitLength() < MIN_RSA_KEY_BITS) {
            throw new InvalidKeyException("RSA key of " + ((RSAKey) key).getModulus().bitLength()
                    + " bits is below the profile minimum of " + MIN_RSA_KEY_BITS);
        }
    }

    /** Whether a SignerInfo's digest and signature algorithms are ones we accept (see the class comment). */
    static boolean isAcceptableSignature(AlgorithmIdentifier digest, AlgorithmIdentifier signature) {
        if (!ACCEPTED_DIGESTS.contains(digest.getAlgorithm())
                || !ACCEPTED_SIGNATURES.contains(signature.getAlgorithm())) {
            return false;
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(signature.getAlgorithm())) {
            // PSS names its own hash in its parameters; absent parameters mean SHA-1 (RFC 4055).
            try {
                RSASSAPSSparams pss = RSASSAPSSparams.getInstance(signature.getParameters());
                return pss != null && ACCEPTED_DIGESTS.contains(pss.getHashAlgorithm().getAlgorithm());
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        return true;
    }

    /** Whether an RSA key-transport algorithm is RSAES-OAEP with a SHA-2 hash (PKCS#1 v1.5 is refused). */
    static boolean isAcceptableRsaKeyTransport(AlgorithmIdentifier keyEncryption) {
        if (!PKCSObjectIdentifiers.id_RSAES_OAEP.equals(keyEncryption.getAlgorithm())) {
            return false;
        }
        // Absent parameters mean SHA-1 (RFC 4055), which we do not accept.
        try {
            RSAESOAEPparams oaep = RSAESOAEPparams.getInstance(keyEncryption.getParameters());
            return oaep != null && ACCEPTED_DIGESTS.contains(oaep.getHashAlgorithm().getAlgorithm());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
