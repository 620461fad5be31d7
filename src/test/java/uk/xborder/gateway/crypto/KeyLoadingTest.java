package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys load from the forms OpenSSL and keytool write, only with the right password, only with their own
 * certificate, and never show up in an error message or a {@code toString()}.
 */
class KeyLoadingTest {

    private static final String PASSWORD = "Tr0ub4dor&3-correct-horse";
    private static final String WRONG_PASSWORD = "hunter2-but-longer";

    @TempDir
    Path tmp;

    private Path passwordFile;

    @BeforeEach
    void writePasswordFile() throws IOException {
        passwordFile = Files.writeString(tmp.resolve("password.txt"), PASSWORD + "\n");
    }

    @Test
    void encryptedPkcs8PemLoadsWithTheRightPassword() throws Exception {
        Path encrypted = openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", ExamplePki.key("gateway"),
                "-passout", "file:" + passwordFile, "-out", tmp.resolve("key.enc.pem"));
        assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        SigningIdentity identity = SigningIdentity.fromPem(ExamplePki.cert("gateway"), encrypted,
                Secret.fromFile(passwordFile));

        assertThat(identity.certificate()).isEqualTo(ExamplePki.certificate("gateway"));
        assertThat(identity.privateKey()).isEqualTo(ExamplePki.identity("gateway").privateKey());
    }

    @Test
    void encryptedPkcs8WithTheWrongPasswordIsAClearErrorThatRevealsNothing() throws Exception {
        Path encrypted = openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", ExamplePki.key("gateway"),
                "-passout", "file:" + passwordFile, "-out", tmp.resolve("key.enc.pem"));

        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("gateway"), encrypted,
                Secret.of(WRONG_PASSWORD.toCharArray())))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("wrong password")
                .hasMessageContaining("key.enc.pem")
                .satisfies(e -> assertRevealsNothing(e, "gateway"));
    }

    @Test
    void encryptedKeyWithoutAPasswordSaysSo() throws Exception {
        Path encrypted = openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", ExamplePki.key("gateway"),
                "-passout", "file:" + passwordFile, "-out", tmp.resolve("key.enc.pem"));

        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("gateway"), encrypted, null))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("is encrypted and no password was given");
    }

    @Test
    void traditionalEncryptedEcPemLoads() throws Exception {
        Path traditional = openssl("ec", "-in", ExamplePki.key("europol"), "-aes256",
                "-passout", "file:" + passwordFile, "-out", tmp.resolve("ec.pem"));
        assertThat(Files.readString(traditional)).contains("BEGIN EC PRIVATE KEY").contains("DEK-Info: AES-256-CBC");

        SigningIdentity identity = SigningIdentity.fromPem(ExamplePki.cert("europol"), traditional,
                Secret.fromFile(passwordFile));

        assertThat(identity.certificate()).isEqualTo(ExamplePki.certificate("europol"));
        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("europol"), traditional,
                Secret.of(WRONG_PASSWORD.toCharArray())))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("wrong password")
                .satisfies(e -> assertRevealsNothing(e, "europol"));
    }

    @Test
    void traditionalRsaPemLoads() throws Exception {
        Path traditional = openssl("rsa", "-in", ExamplePki.key("spoc-ie"), "-traditional", "-out", tmp.resolve("rsa.pem"));
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        SigningIdentity identity = SigningIdentity.fromPem(ExamplePki.cert("spoc-ie"), traditional, null);

        assertThat(identity.certificate()).isEqualTo(ExamplePki.certificate("spoc-ie"));
    }

    @Test
    void pkcs12FromOpenSslLoadsWithItsChain() throws Exception {
        Path p12 = pkcs12("gateway");

        SigningIdentity identity = SigningIdentity.fromPkcs12(p12, Secret.fromFile(passwordFile), null);
        SigningIdentity byAlias = SigningIdentity.fromPkcs12(p12, Secret.fromFile(passwordFile), "gateway");

        assertThat(identity.certificate()).isEqualTo(ExamplePki.certificate("gateway"));
        assertThat(identity.chain()).containsExactly(ExamplePki.certificate("uk-root-ca"));
        assertThat(byAlias.certificate()).isEqualTo(identity.certificate());
        // It signs, and the signature carries the chain.
        assertThat(ExamplePki.verifierTrusting("uk-root-ca").verify(CmsSigner.create(identity).sign(new byte[] {1}))
                .signerCertificate()).isEqualTo(ExamplePki.certificate("gateway"));
    }

    @Test
    void pkcs12WithTheWrongPasswordIsAClearErrorThatRevealsNothing() throws Exception {
        Path p12 = pkcs12("gateway");

        assertThatThrownBy(() -> SigningIdentity.fromPkcs12(p12, Secret.of(WRONG_PASSWORD.toCharArray()), null))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("wrong password")
                .hasMessageContaining("gateway.p12")
                .satisfies(e -> assertRevealsNothing(e, "gateway"));
    }

    @Test
    void pkcs12AliasMustExistAndBeUnambiguous() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (String party : List.of("nca", "police-scotland")) {
            SigningIdentity identity = ExamplePki.identity(party);
            store.setKeyEntry(party, identity.privateKey(), PASSWORD.toCharArray(),
                    new Certificate[] {identity.certificate()});
        }
        Path p12 = tmp.resolve("two.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Secret password = Secret.of(PASSWORD.toCharArray());

        assertThatThrownBy(() -> SigningIdentity.fromPkcs12(p12, password, null))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("holds 2 private keys");
        assertThatThrownBy(() -> SigningIdentity.fromPkcs12(p12, password, "europol"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("no private key entry 'europol'");
        assertThat(SigningIdentity.fromPkcs12(p12, password, "nca").certificate())
                .isEqualTo(ExamplePki.certificate("nca"));
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() {
        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("gateway"), ExamplePki.key("nca"), null))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("does not belong to certificate 'CN=gateway")
                .satisfies(e -> assertRevealsNothing(e, "nca"));
        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("spoc-ie"), ExamplePki.key("europol"), null))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("does not belong to certificate 'CN=spoc-ie")
                .hasMessageContaining("key type");
    }

    @Test
    void aCaCertificateIsNotAPartyIdentity() {
        assertThatThrownBy(() -> ExamplePki.identity("uk-root-ca"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("is a CA certificate");
    }

    @Test
    void filesHoldingTheWrongKindOfObjectAreRefusedByKind() {
        assertThatThrownBy(() -> Certificates.readCertificates(ExamplePki.key("gateway")))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("private or public key")
                .satisfies(e -> assertRevealsNothing(e, "gateway"));
        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("gateway"), ExamplePki.cert("gateway"), null))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("not a private key");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("no-such-key.pem");
        assertThatThrownBy(() -> SigningIdentity.fromPem(ExamplePki.cert("gateway"), missing, null))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no-such-key.pem");
    }

    @Test
    void toStringNamesTheCertificateAndNeverTheKey() throws Exception {
        for (String party : List.of("gateway", "spoc-ie")) {
            SigningIdentity identity = ExamplePki.identity(party);
            List<String> shown = List.of(identity.toString(), CmsSigner.create(identity).toString(),
                    CmsDecryptor.create(identity).toString());

            for (String text : shown) {
                assertThat(text).contains("CN=" + party);
                assertNoKeyMaterial(text, party);
            }
        }
        Secret secret = Secret.fromFile(passwordFile);
        assertThat(secret.toString()).isEqualTo("Secret[redacted]").doesNotContain(PASSWORD);
    }

    @Test
    void certificatesAndCrlsReadFromPem() throws Exception {
        assertThat(Certificates.readCrls(ExamplePki.crl("uk-root-ca")).get(0).isRevoked(ExamplePki.certificate("revoked")))
                .isTrue();
        assertThat(Certificates.readCrls(ExamplePki.crl("uk-root-ca")).get(0).isRevoked(ExamplePki.certificate("nca")))
                .isFalse();
        Path bundle = tmp.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(ExamplePki.cert("gateway")) + Files.readString(ExamplePki.cert("uk-root-ca")));
        assertThat(Certificates.readCertificates(bundle))
                .containsExactly(ExamplePki.certificate("gateway"), ExamplePki.certificate("uk-root-ca"));
        assertThatThrownBy(() -> Certificates.readCertificate(bundle))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("exactly one");
        // A certificate file followed by its chain loads as an identity with that chain.
        assertThat(SigningIdentity.fromPem(bundle, ExamplePki.key("gateway"), null).chain())
                .containsExactly(ExamplePki.certificate("uk-root-ca"));
    }

    private Path pkcs12(String party) {
        return openssl("pkcs12", "-export", "-in", ExamplePki.cert(party), "-inkey", ExamplePki.key(party),
                "-certfile", ExamplePki.cert("uk-root-ca"), "-name", party,
                "-passout", "file:" + passwordFile, "-out", tmp.resolve(party + ".p12"));
    }

    /** Runs openssl and returns the last argument, the output file. */
    private Path openssl(Object... arguments) {
        String[] strings = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            strings[i] = arguments[i].toString();
        }
        OpenSsl.run(tmp, strings).assertSuccess();
        return (Path) arguments[arguments.length - 1];
    }

    /** Neither password, nor the party's key in any encoding, anywhere in the exception and its causes. */
    private static void assertRevealsNothing(Throwable e, String party) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String all = trace.toString();
        assertThat(all).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
        assertNoKeyMaterial(all, party);
    }

    private static void assertNoKeyMaterial(String text, String party) {
        try {
            String pem = Files.readString(ExamplePki.key(party), StandardCharsets.US_ASCII);
            List<String> forbidden = new ArrayList<>();
            // Any 16-character run of the PEM body.
            String body = pem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
            for (int i = 0; i + 16 <= body.length(); i += 16) {
                forbidden.add(body.substring(i, i + 16));
            }
            byte[] der = Base64.getDecoder().decode(body);
            String hex = HexFormat.of().formatHex(der);
            for (int i = 0; i + 16 <= hex.length(); i += 16) {
                forbidden.add(hex.substring(i, i + 16));
            }
            var key = ExamplePki.identity(party).privateKey();
            if (key instanceof ECPrivateKey) {
                forbidden.add(((ECPrivateKey) key).getS().toString(16));
                forbidden.add(((ECPrivateKey) key).getS().toString());
            } else if (key instanceof RSAPrivateCrtKey) {
                forbidden.add(((RSAPrivateCrtKey) key).getPrivateExponent().toString(16).substring(0, 32));
                forbidden.add(((RSAPrivateCrtKey) key).getPrimeP().toString(16).substring(0, 32));
            }
            assertThat(text).doesNotContain(forbidden.toArray(new String[0]));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
