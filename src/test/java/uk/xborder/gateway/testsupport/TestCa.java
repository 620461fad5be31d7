package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made by a test with Bouncy Castle (EC P-256, SHA-256 with ECDSA), for certificates the
 * committed example PKI does not have: one that expires in ten days, one from a CA nobody trusts. Keys stay in
 * memory; certificates and CRLs are written as PEM where the gateway reads them.
 */
public final class TestCa {

    /** Key usage of an EC party that signs and is encrypted to, as the example PKI's parties. */
    public static final int EC_PARTY_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation
            | KeyUsage.keyAgreement;

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    private final X500Principal name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(X500Principal name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A self-signed root CA valid between the two instants. */
    public static TestCa create(String commonName, Instant notBefore, Instant notAfter) throws Exception {
        X500Principal name = new X500Principal("CN=" + commonName + ",O=Test PKI (made by a test),C=GB");
        KeyPair keys = ecKeyPair();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                Date.from(notAfter), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestCa(name, keys, toJdk(builder.build(signer(keys))));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A party certificate with a fresh EC key, valid between the two instants.
     *
     * @param keyUsage Bouncy Castle {@link KeyUsage} bits, e.g. {@link #EC_PARTY_USAGE}
     */
    public X509Certificate issue(String commonName, Instant notBefore, Instant notAfter, int keyUsage)
            throws Exception {
        X500Principal subject = new X500Principal("CN=" + commonName + ",O=Test Party (made by a test),C=GB");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                Date.from(notAfter), subject, ecKeyPair().getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        return toJdk(builder.build(signer(keys)));
    }

    /** This CA's revocation list, current between the two instants, listing the given certificates. */
    public X509CRL crl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) throws Exception {
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(name, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(signer(keys)));
    }

    /**
     * Writes certificates or CRLs to a PEM file the way an operator replaces one: a new file beside it, renamed over
     * it, so that a reader never sees half of it.
     */
    public static Path writePem(Path file, Object... objects) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        try (Writer out = Files.newBufferedWriter(next, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static X509Certificate toJdk(org.bouncycastle.cert.X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
