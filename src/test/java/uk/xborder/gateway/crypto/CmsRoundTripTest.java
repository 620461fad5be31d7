package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The gateway signs and encrypts; the partner decrypts and verifies with this package's own classes. */
class CmsRoundTripTest {

    private static final byte[] MESSAGE = ("<intelligenceReport id=\"M-1\">Grading B2, handling H1. Straße, Åland,"
            + " 日本</intelligenceReport>").getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"europol", "spoc-ie"})
    void partnerGetsTheOriginalBytesBackAndKnowsTheGatewaySignedThem(String partner) throws Exception {
        Instant signedAt = Instant.parse("2026-11-25T10:15:30Z");
        Signer signer = CmsSigner.create(ExamplePki.identity("gateway"), Clock.fixed(signedAt, ZoneOffset.UTC));
        Encryptor encryptor = CmsEncryptor.create();

        byte[] wire = encryptor.encrypt(signer.sign(MESSAGE), ExamplePki.certificate(partner));

        byte[] signed = CmsDecryptor.create(ExamplePki.identity(partner)).decrypt(wire);
        VerifiedContent verified = ExamplePki.verifierTrusting("uk-root-ca").verify(signed);
        assertThat(verified.content()).isEqualTo(MESSAGE);
        assertThat(verified.signerCertificate()).isEqualTo(ExamplePki.certificate("gateway"));
        assertThat(verified.signingTime()).contains(signedAt);
        assertThat(verified.toString()).doesNotContain("intelligenceReport");
    }

    @Test
    void rsaSigningKeyRoundTrips() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("spoc-ie")).sign(MESSAGE);

        VerifiedContent verified = ExamplePki.verifierTrusting("eu-root-ca").verify(signed);

        assertThat(verified.content()).isEqualTo(MESSAGE);
        assertThat(verified.signerCertificate()).isEqualTo(ExamplePki.certificate("spoc-ie"));
    }

    @Test
    void eachMessageIsEncryptedAfresh() throws Exception {
        Encryptor encryptor = CmsEncryptor.create();
        byte[] first = encryptor.encrypt(MESSAGE, ExamplePki.certificate("europol"));
        byte[] second = encryptor.encrypt(MESSAGE, ExamplePki.certificate("europol"));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void emptyContentRoundTrips() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("gateway")).sign(new byte[0]);
        byte[] wire = CmsEncryptor.create().encrypt(signed, ExamplePki.certificate("europol"));
        byte[] back = CmsDecryptor.create(ExamplePki.identity("europol")).decrypt(wire);
        assertThat(ExamplePki.verifierTrusting("uk-root-ca").verify(back).content()).isEmpty();
    }

    @Test
    void aMessageForSomeoneElseIsRefused() throws Exception {
        byte[] wire = CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("europol"));

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("spoc-ie")).decrypt(wire))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("no recipient entry")
                .hasMessageContaining("spoc-ie");
    }

    @Test
    void garbageIsNotDecryptedOrVerified() throws Exception {
        byte[] garbage = "not CMS at all".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("europol")).decrypt(garbage))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("Not a CMS AuthEnvelopedData");
        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(garbage))
                .isInstanceOf(SignatureInvalidException.class)
                .hasMessageContaining("Not a CMS SignedData");
    }

    @Test
    void aSignedMessageIsNotMistakenForAnEncryptedOneOrTheOtherWayRound() throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("gateway")).sign(MESSAGE);
        byte[] encrypted = CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("europol"));

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("europol")).decrypt(signed))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> ExamplePki.verifierTrusting("uk-root-ca").verify(encrypted))
                .isInstanceOf(SignatureInvalidException.class);
    }
}
