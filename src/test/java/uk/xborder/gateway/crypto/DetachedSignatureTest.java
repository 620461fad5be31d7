package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetachedSignatureTest {

    private static final byte[] DATA = "xborder-gateway audit checkpoint v1\n1\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path work;

    @Test
    void ecAndRsaSignaturesVerifyWithTheSignersCertificate() throws Exception {
        for (String party : new String[] {"audit", "spoc-ie"}) {
            DetachedSigner signer = DetachedSigner.create(ExamplePki.identity(party));
            byte[] signature = signer.sign(DATA);
            assertThatCode(() -> DetachedSignatureVerifier.verify(signer.certificate(), DATA, signature))
                    .as(party).doesNotThrowAnyException();
        }
    }

    @Test
    void changedDataAnotherCertificateOrGarbageAreRefused() throws Exception {
        DetachedSigner signer = DetachedSigner.create(ExamplePki.identity("audit"));
        byte[] signature = signer.sign(DATA);
        byte[] changed = DATA.clone();
        changed[changed.length - 2] ^= 1;
        assertThatThrownBy(() -> DetachedSignatureVerifier.verify(signer.certificate(), changed, signature))
                .isInstanceOf(SignatureInvalidException.class);
        assertThatThrownBy(() -> DetachedSignatureVerifier.verify(ExamplePki.certificate("nca"), DATA, signature))
                .isInstanceOf(SignatureInvalidException.class);
        assertThatThrownBy(() -> DetachedSignatureVerifier.verify(signer.certificate(), DATA, new byte[] {1, 2, 3}))
                .isInstanceOf(SignatureInvalidException.class);
    }

    @Test
    void openSslVerifiesTheSignatureAsDocumented() throws Exception {
        DetachedSigner signer = DetachedSigner.create(ExamplePki.identity("audit"));
        Files.write(work.resolve("checkpoint.txt"), DATA);
        Files.write(work.resolve("checkpoint.sig"), signer.sign(DATA));
        OpenSsl.run(work, "x509", "-in", ExamplePki.cert("audit").toString(), "-pubkey", "-noout", "-out", "pub.pem")
                .assertSuccess();
        OpenSsl.run(work, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "checkpoint.sig", "checkpoint.txt")
                .assertSuccess();
    }

    @Test
    void toStringNamesTheCertificateNotTheKey() throws Exception {
        DetachedSigner signer = DetachedSigner.create(ExamplePki.identity("audit"));
        org.assertj.core.api.Assertions.assertThat(signer.toString()).contains("gateway-audit")
                .doesNotContain("PRIVATE KEY");
    }
}
