package uk.xborder.gateway.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The committed example PKI in {@code certs-example/}, for tests. */
final class ExamplePki {

    private ExamplePki() {
    }

    /** The repository root: surefire passes it as {@code gateway.test.basedir}; an IDE usually runs there anyway. */
    static Path baseDir() {
        String configured = System.getProperty("gateway.test.basedir");
        Path base = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured);
        return base.toAbsolutePath();
    }

    static Path dir(String party) {
        Path dir = baseDir().resolve("certs-example").resolve(party);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No example PKI folder " + dir + "; run certs-example/generate.sh");
        }
        return dir;
    }

    static Path cert(String party) {
        return dir(party).resolve("cert.pem");
    }

    static Path key(String party) {
        return dir(party).resolve("key.pem");
    }

    static Path crl(String ca) {
        return dir(ca).resolve("crl.pem");
    }

    static SigningIdentity identity(String party) throws Exception {
        return SigningIdentity.fromPem(cert(party), key(party), null);
    }

    static X509Certificate certificate(String party) throws Exception {
        return Certificates.readCertificate(cert(party));
    }

    static List<X509CRL> crls(String... cas) throws Exception {
        List<X509CRL> crls = new ArrayList<>();
        for (String ca : cas) {
            crls.addAll(Certificates.readCrls(crl(ca)));
        }
        return crls;
    }

    /** Trusts the given roots and checks revocation against their CRLs, at the system clock's time. */
    static CmsSignatureVerifier verifierTrusting(String... cas) throws Exception {
        List<X509Certificate> anchors = new ArrayList<>();
        for (String ca : cas) {
            anchors.add(certificate(ca));
        }
        return CmsSignatureVerifier.create(CertificateValidator.builder()
                .trustAnchors(anchors)
                .crls(crls(cas))
                .build());
    }
}
