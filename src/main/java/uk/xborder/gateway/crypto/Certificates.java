package uk.xborder.gateway.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads X.509 certificates and CRLs from PEM files. The objects returned are the JDK's own, because the JDK's PKIX
 * validator (used by {@link CertificateValidator}) works best with them.
 *
 * <p>A file must hold only the kind of object asked for: a private key in a certificate file is refused, with
 * the PEM type named, so a key never travels further by mistake.
 */
public final class Certificates {

    private Certificates() {
    }

    /** All certificates in a PEM file, in file order (for a chain: the end entity first). At least one. */
    public static List<X509Certificate> readCertificates(Path pem) throws IOException, CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : readPemObjects(pem)) {
            if (!(object instanceof X509CertificateHolder)) {
                throw new CertificateException(pem + " holds a " + pemKind(object)
                        + " where only certificates were expected");
            }
            certificates.add(toJdk((X509CertificateHolder) object));
        }
        if (certificates.isEmpty()) {
            throw new CertificateException(pem + " holds no PEM certificate");
        }
        return List.copyOf(certificates);
    }

    /** The certificates in several PEM files, in order. */
    public static List<X509Certificate> readCertificates(List<Path> pemFiles) throws IOException, CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : pemFiles) {
            certificates.addAll(readCertificates(file));
        }
        return List.copyOf(certificates);
    }

    /** The single certificate in a PEM file. */
    public static X509Certificate readCertificate(Path pem) throws IOException, CertificateException {
        List<X509Certificate> certificates = readCertificates(pem);
        if (certificates.size() != 1) {
            throw new CertificateException(pem + " holds " + certificates.size()
                    + " certificates; exactly one was expected");
        }
        return certificates.get(0);
    }

    /** All CRLs in a PEM file. At least one. */
    public static List<X509CRL> readCrls(Path pem) throws IOException, CRLException {
        List<X509CRL> crls = new ArrayList<>();
        for (Object object : readPemObjects(pem)) {
            if (!(object instanceof X509CRLHolder)) {
                throw new CRLException(pem + " holds a " + pemKind(object) + " where only CRLs were expected");
            }
            try {
                crls.add((X509CRL) factory().generateCRL(
                        new ByteArrayInputStream(((X509CRLHolder) object).getEncoded())));
            } catch (CertificateException e) {
                throw new CRLException("No X.509 support in this JVM", e);
            }
        }
        if (crls.isEmpty()) {
            throw new CRLException(pem + " holds no PEM CRL");
        }
        return List.copyOf(crls);
    }

    /**
     * Certificates from PEM text already in memory (for example from an evidence bundle), in order. Anything but
     * certificates is refused, as in {@link #readCertificates(Path)}.
     */
    public static List<X509Certificate> parseCertificates(String pemText) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new java.io.StringReader(pemText))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (!(object instanceof X509CertificateHolder)) {
                    throw new CertificateException("PEM text holds a " + pemKind(object)
                            + " where only certificates were expected");
                }
                certificates.add(toJdk((X509CertificateHolder) object));
            }
        } catch (IOException | RuntimeException e) {
            throw new CertificateException("PEM text is not a readable certificate (malformed PEM or DER)");
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("PEM text holds no certificate");
        }
        return List.copyOf(certificates);
    }

    /** A certificate as PEM text ({@code -----BEGIN CERTIFICATE-----}, base64 in 64-character lines). */
    public static String toPem(X509Certificate certificate) throws CertificateException {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** Whether the certificate's extended key usage names {@code purposeOid} (absent extension: it does not). */
    public static boolean hasExtendedKeyUsage(X509Certificate certificate, String purposeOid) {
        return KeyUsage.hasExtendedPurpose(certificate, purposeOid);
    }

    /** The subject and serial number, for messages outside this package; never key material. */
    public static String describeCertificate(X509Certificate certificate) {
        return describe(certificate);
    }

    /** A certificate from Bouncy Castle's holder to the JDK's own type. */
    static X509Certificate toJdk(X509CertificateHolder holder) throws CertificateException {
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (IOException e) {
            throw new CertificateException("Certificate could not be re-encoded", e);
        }
    }

    static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }

    /** The subject, for messages: the distinguished name and serial number, never key material. */
    static String describe(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "' (serial "
                + certificate.getSerialNumber().toString(16) + ")";
    }

    private static List<Object> readPemObjects(Path pem) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.ISO_8859_1);
             PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                objects.add(object);
            }
        } catch (IOException e) {
            // PEMParser's messages describe structure, not content; keep the path in front for the operator.
            throw new IOException("Could not read PEM file " + pem + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("Could not read PEM file " + pem + ": malformed PEM", e);
        }
        return objects;
    }

    /** Names a PEM object by kind only: never its content. */
    static String pemKind(Object pemObject) {
        String name = pemObject.getClass().getSimpleName();
        if (name.contains("Key") || name.contains("PrivateKeyInfo")) {
            return "private or public key (" + name + ")";
        }
        return name;
    }
}
