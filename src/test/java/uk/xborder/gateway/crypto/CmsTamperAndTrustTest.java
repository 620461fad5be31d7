package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.junit.jupiter.api.Test;

/** Every way a message or its signer can be bad ends in its own exception, and never in content. */
class CmsTamperAndTrustTest {

    private static final byte[] MESSAGE = "<intelligenceReport id=\"M-7\">subject seen at the port</intelligenceReport>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void oneFlippedCiphertextByteFailsTheGcmTag() throws Exception {
        byte[] wire = CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("europol"));
        byte[] ciphertext = AuthEnvelopedData.getInstance(ContentInfo.getInstance(wire).getContent())
                .getAuthEncryptedContentInfo().getEncryptedContent().getOctets();
        int at = indexOf(wire, ciphertext) + ciphertext.length / 2;
        wire[at] ^= 0x01;

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("europol")).decrypt(wire))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("authentication tag did not verify");
    }

    @Test
    void oneFlippedTagByteFailsTooForTheRsaPartner() throws Exception {
        byte[] wire = CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("spoc-ie"));
        byte[] tag = AuthEnvelopedData.getInstance(ContentInfo.getInstance(wire).getContent()).getMac().getOctets();
        wire[indexOf(wire, tag)] ^= (byte) 0x80;

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("spoc-ie")).decrypt(wire))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("authentication tag did not verify");
    }

    @Test
    void aDamagedWrappedKeyMeansTheContentKeyCannotBeRecovered() throws Exception {
        byte[] wire = CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("europol"));
        AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(ContentInfo.getInstance(wire).getContent());
        KeyAgreeRecipientInfo kari = KeyAgreeRecipientInfo.getInstance(
                RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0)).getInfo());
        byte[] wrappedKey = RecipientEncryptedKey.getInstance(kari.getRecipientEncryptedKeys().getObjectAt(0))
                .getEncryptedKey().getOctets();
        wire[indexOf(wire, wrappedKey) + 3] ^= 0x01;

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("europol")).decrypt(wire))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("content key could not be recovered");
    }

    @Test
    void alteredSignedContentIsAnInvalidSignature() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("gateway")).sign(MESSAGE);
        byte[] seen = "the port".getBytes(StandardCharsets.UTF_8);
        signed[indexOf(signed, seen)] = 'T';

        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(signed))
                .isInstanceOf(SignatureInvalidException.class)
                .hasMessageContaining("gateway")
                .hasMessageNotContaining("port");
    }

    @Test
    void signerFromACaWeDoNotTrustIsUntrusted() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("europol")).sign(MESSAGE);

        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(signed))
                .isInstanceOf(CertificateUntrustedException.class)
                .hasMessageContaining("CN=europol")
                .hasMessageContaining("does not chain to a trusted CA");
    }

    @Test
    void expiredSignerIsExpired() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("expired")).sign(MESSAGE);

        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(signed))
                .isInstanceOf(CertificateExpiredException.class)
                .hasMessageContaining("CN=expired")
                .hasMessageContaining("expired on");
    }

    @Test
    void theClockDecidesWhatNowIs() throws Exception {
        // While it was valid, the expired party's signature verified (no CRL then: it is issued later).
        X509Window window = X509Window.of(ExamplePki.certificate("expired"));
        Clock thenClock = Clock.fixed(window.middle(), ZoneOffset.UTC);
        byte[] signed = CmsSigner.create(ExamplePki.identity("expired"), thenClock).sign(MESSAGE);
        CmsSignatureVerifier verifier = CmsSignatureVerifier.create(CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .withoutRevocationChecking()
                .clock(thenClock)
                .build());

        assertThat(verifier.verify(signed).content()).isEqualTo(MESSAGE);
    }

    @Test
    void revokedSignerIsRevokedWhenTheCrlIsChecked() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("revoked")).sign(MESSAGE);

        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(signed))
                .isInstanceOf(CertificateRevokedException.class)
                .hasMessageContaining("CN=revoked")
                .hasMessageContaining("KEY_COMPROMISE");
    }

    @Test
    void withoutRevocationCheckingTheRevokedSignerPasses() throws Exception {
        // Shows the CRL is what refuses it above, and why switching revocation off has to be explicit.
        byte[] signed = CmsSigner.create(ExamplePki.identity("revoked")).sign(MESSAGE);
        CmsSignatureVerifier verifier = CmsSignatureVerifier.create(CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .withoutRevocationChecking()
                .build());

        assertThat(verifier.verify(signed).content()).isEqualTo(MESSAGE);
    }

    @Test
    void noCrlFromTheSignersIssuerMeansUntrusted() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("europol")).sign(MESSAGE);
        CmsSignatureVerifier verifier = CmsSignatureVerifier.create(CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca"), ExamplePki.certificate("eu-root-ca")))
                .crls(ExamplePki.crls("uk-root-ca"))
                .build());

        assertThatThrownBy(() -> verifier.verify(signed))
                .isInstanceOf(CertificateUntrustedException.class)
                .hasMessageContaining("Revocation status")
                .hasMessageContaining("CN=eu-root-ca");
    }

    @Test
    void aCrlIssuedAfterTheClockTimeDoesNotCount() throws Exception {
        // generate.sh starts party certificates a day before it issues the CRLs: in between, no CRL existed yet.
        Clock beforeTheCrl = Clock.fixed(ExamplePki.certificate("nca").getNotBefore().toInstant().plus(Duration.ofHours(1)),
                ZoneOffset.UTC);
        byte[] signed = CmsSigner.create(ExamplePki.identity("nca"), beforeTheCrl).sign(MESSAGE);
        CmsSignatureVerifier verifier = CmsSignatureVerifier.create(CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .crls(ExamplePki.crls("uk-root-ca"))
                .clock(beforeTheCrl)
                .build());

        assertThatThrownBy(() -> verifier.verify(signed))
                .isInstanceOf(CertificateUntrustedException.class)
                .hasMessageContaining("Revocation status");
    }

    @Test
    void aCertificateNotYetValidIsOutsideItsValidityPeriod() throws Exception {
        Clock tooEarly = Clock.fixed(ExamplePki.certificate("nca").getNotBefore().toInstant().minus(Duration.ofDays(1)),
                ZoneOffset.UTC);
        byte[] signed = CmsSigner.create(ExamplePki.identity("nca"), tooEarly).sign(MESSAGE);
        CmsSignatureVerifier verifier = CmsSignatureVerifier.create(CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca")))
                .withoutRevocationChecking()
                .clock(tooEarly)
                .build());

        assertThatThrownBy(() -> verifier.verify(signed))
                .isInstanceOf(CertificateExpiredException.class)
                .hasMessageContaining("CN=nca")
                .hasMessageContaining("not valid until");
    }

    @Test
    void revocationCheckingMustBeDecided() {
        assertThatThrownBy(() -> CertificateValidator.builder()
                .trustAnchors(List.of(ExamplePki.certificate("uk-root-ca"))).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withoutRevocationChecking");
    }

    @Test
    void everyFailureIsACmsVerificationException() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("revoked")).sign(MESSAGE);
        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(signed))
                .isInstanceOf(CmsVerificationException.class)
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("needle not found");
    }

    /** The validity window of a certificate. */
    private record X509Window(java.time.Instant notBefore, java.time.Instant notAfter) {

        static X509Window of(java.security.cert.X509Certificate certificate) {
            return new X509Window(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        }

        java.time.Instant middle() {
            return notBefore.plus(Duration.between(notBefore, notAfter).dividedBy(2));
        }
    }
}
