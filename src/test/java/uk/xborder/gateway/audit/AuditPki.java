package uk.xborder.gateway.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.SigningIdentity;

/** The committed example PKI ({@code certs-example/}) as the audit tests need it. */
public final class AuditPki {

    private AuditPki() {
    }

    public static Path dir(String party) {
        String configured = System.getProperty("gateway.test.basedir");
        Path base = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured);
        Path dir = base.toAbsolutePath().resolve("certs-example").resolve(party);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No example PKI folder " + dir + "; run certs-example/generate.sh");
        }
        return dir;
    }

    public static SigningIdentity identity(String party) throws Exception {
        return SigningIdentity.fromPem(dir(party).resolve("cert.pem"), dir(party).resolve("key.pem"), null);
    }

    public static X509Certificate certificate(String party) throws Exception {
        return Certificates.readCertificate(dir(party).resolve("cert.pem"));
    }

    public static List<X509CRL> crls(String... cas) throws Exception {
        List<X509CRL> crls = new ArrayList<>();
        for (String ca : cas) {
            crls.addAll(Certificates.readCrls(dir(ca).resolve("crl.pem")));
        }
        return crls;
    }

    /** Trusts the given roots, checking revocation against their CRLs. */
    public static CertificateValidator trusting(String... cas) throws Exception {
        List<X509Certificate> anchors = new ArrayList<>();
        for (String ca : cas) {
            anchors.add(certificate(ca));
        }
        return CertificateValidator.builder().trustAnchors(anchors).crls(crls(cas)).build();
    }
}
