package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A party's private key with its certificate and the certificates that chain it to a CA: what the gateway needs
 * to sign outbound messages and to decrypt inbound ones. (One type for both jobs: the gateway's certificate allows
 * digital signatures and key agreement, and the signer and decryptor each check the key usage they need.)
 *
 * <p>Immutable. The factories refuse anything that would only fail later: a private key that does not belong to
 * the certificate, a CA certificate, a key type or size outside {@link CryptoProfile}. The private key itself is
 * visible only inside this package; {@link #toString()} names the certificate, never the key.
 */
public final class SigningIdentity {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    private SigningIdentity(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.chain = chain;
    }

    /**
     * An identity from PEM files, as written by OpenSSL.
     *
     * @param certPem the party's certificate, optionally followed by the certificates of its issuing CAs
     * @param keyPem the private key: PKCS#8 ({@code PRIVATE KEY} or {@code ENCRYPTED PRIVATE KEY}) or traditional
     *     ({@code EC PRIVATE KEY} / {@code RSA PRIVATE KEY}, optionally encrypted)
     * @param passwordOrNull the key's password, or {@code null} for an unencrypted key
     * @throws KeyMaterialException on a wrong password, a key that does not match the certificate, or unusable
     *     content; the message names the file, never the password or key bytes
     * @throws IOException if a file cannot be read
     */
    public static SigningIdentity fromPem(Path certPem, Path keyPem, Secret passwordOrNull)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(certPem, "certPem");
        Objects.requireNonNull(keyPem, "keyPem");
        List<X509Certificate> certificates = Certificates.readCertificates(certPem);
        PrivateKey key = PrivateKeyPem.read(keyPem, passwordOrNull);
        return of(key, certificates.get(0), certificates.subList(1, certificates.size()));
    }

    /**
     * An identity from a PKCS#12 file ({@code .p12} / {@code .pfx}), which carries the key, its certificate and
     * usually the chain.
     *
     * @param password the password of the file (used for the key too, as OpenSSL and keytool do)
     * @param aliasOrNull the entry to use, or {@code null} when the file holds exactly one private key
     */
    public static SigningIdentity fromPkcs12(Path p12, Secret password, String aliasOrNull)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(p12, "p12");
        Objects.requireNonNull(password, "password");
        char[] chars = password.chars();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                store.load(in, chars);
            } catch (IOException e) {
                // The JDK reports a wrong password as an IOException caused by UnrecoverableKeyException.
                if (e.getCause() instanceof UnrecoverableKeyException) {
                    throw new KeyMaterialException("Could not open PKCS#12 file " + p12
                            + ": wrong password, or the file is corrupt");
                }
                if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
                    throw e;
                }
                throw new KeyMaterialException("Could not read PKCS#12 file " + p12 + ": not a valid PKCS#12 file");
            }
            String alias = chooseAlias(store, p12, aliasOrNull);
            java.security.Key key;
            try {
                key = store.getKey(alias, chars);
            } catch (UnrecoverableKeyException e) {
                throw new KeyMaterialException("Could not decrypt the private key '" + alias + "' in " + p12
                        + ": its password differs from the file's");
            }
            if (!(key instanceof PrivateKey)) {
                throw new KeyMaterialException("Entry '" + alias + "' in " + p12 + " is not a private key");
            }
            Certificate[] stored = store.getCertificateChain(alias);
            if (stored == null || stored.length == 0 || !(stored[0] instanceof X509Certificate)) {
                throw new KeyMaterialException("Entry '" + alias + "' in " + p12 + " has no X.509 certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : stored) {
                certificates.add((X509Certificate) certificate);
            }
            return of((PrivateKey) key, certificates.get(0), certificates.subList(1, certificates.size()));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * An identity from a key and certificates already in memory (from an HSM, or made by a test).
     *
     * @param chain the issuing CA certificates, nearest first; may be empty
     */
    public static SigningIdentity of(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain)
            throws KeyMaterialException {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(chain, "chain");
        if (certificate.getBasicConstraints() >= 0) {
            throw new KeyMaterialException("Certificate " + Certificates.describe(certificate)
                    + " is a CA certificate; a party identity needs an end-entity certificate");
        }
        requireMatchingPair(privateKey, certificate);
        return new SigningIdentity(privateKey, certificate, List.copyOf(chain));
    }

    /** The party's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The issuing CA certificates, nearest first; possibly empty. Unmodifiable. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The certificate followed by its chain: what a signature carries. Unmodifiable. */
    public List<X509Certificate> certificateAndChain() {
        List<X509Certificate> all = new ArrayList<>(chain.size() + 1);
        all.add(certificate);
        all.addAll(chain);
        return Collections.unmodifiableList(all);
    }

    /** Only for the signer and decryptor in this package. */
    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "SigningIdentity[subject=" + certificate.getSubjectX500Principal().getName()
                + ", serial=" + certificate.getSerialNumber().toString(16)
                + ", key=" + privateKey.getAlgorithm() + ", chain=" + chain.size() + "]";
    }

    /**
     * Proves the key belongs to the certificate by signing a random challenge and verifying it with the
     * certificate's public key. This works the same for every key type and catches a wrong key file, or a
     * wrong password that happened to yield a well-formed key, at start-up instead of at the first message.
     */
    private static void requireMatchingPair(PrivateKey privateKey, X509Certificate certificate)
            throws KeyMaterialException {
        String mismatch = "The private key does not belong to certificate " + Certificates.describe(certificate);
        if (!privateKey.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())
                && !(isEc(privateKey.getAlgorithm()) && isEc(certificate.getPublicKey().getAlgorithm()))) {
            throw new KeyMaterialException(mismatch + " (key type " + privateKey.getAlgorithm()
                    + ", certificate key type " + certificate.getPublicKey().getAlgorithm() + ")");
        }
        String algorithm;
        try {
            algorithm = CryptoProfile.signatureAlgorithm(privateKey);
            CryptoProfile.signatureAlgorithm(certificate.getPublicKey());
        } catch (InvalidKeyException e) {
            // The profile's own messages name key types and sizes only.
            throw new KeyMaterialException(e.getMessage() + " (certificate " + Certificates.describe(certificate) + ")");
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm, CryptoProfile.PROVIDER);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, CryptoProfile.PROVIDER);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new KeyMaterialException(mismatch);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyMaterialException(mismatch);
        }
    }

    private static boolean isEc(String algorithm) {
        return "EC".equals(algorithm) || "ECDSA".equals(algorithm);
    }

    private static String chooseAlias(KeyStore store, Path p12, String aliasOrNull) throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (aliasOrNull != null) {
            if (!keyAliases.contains(aliasOrNull)) {
                throw new KeyMaterialException("PKCS#12 file " + p12 + " has no private key entry '" + aliasOrNull
                        + "'; its key entries are " + keyAliases);
            }
            return aliasOrNull;
        }
        if (keyAliases.size() != 1) {
            throw new KeyMaterialException("PKCS#12 file " + p12 + " holds " + keyAliases.size()
                    + " private keys " + keyAliases + "; name the one to use");
        }
        return keyAliases.get(0);
    }
}
