package uk.xborder.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partners and auditors check our output with nothing but OpenSSL. These tests run the real {@code openssl}
 * binary on what this package produces, and the other way round.
 */
class CmsOpenSslInteropTest {

    private static final byte[] MESSAGE = "<intelligenceReport id=\"M-42\">Straße 5, Åland</intelligenceReport>\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"europol", "spoc-ie"})
    void partnerDecryptsAndVerifiesWithPlainOpenSsl(String partner) throws Exception {
        byte[] signed = CmsSigner.create(ExamplePki.identity("gateway")).sign(MESSAGE);
        Path wire = Files.write(tmp.resolve("message.der"),
                CmsEncryptor.create().encrypt(signed, ExamplePki.certificate(partner)));

        OpenSsl.run(tmp, "cms", "-decrypt", "-inform", "DER", "-in", wire.toString(),
                "-recip", ExamplePki.cert(partner).toString(), "-inkey", ExamplePki.key(partner).toString(),
                "-out", "signed.der").assertSuccess();
        OpenSsl.run(tmp, "cms", "-verify", "-inform", "DER", "-in", "signed.der",
                "-CAfile", ExamplePki.cert("uk-root-ca").toString(), "-out", "content").assertSuccess();

        assertThat(tmp.resolve("content")).hasBinaryContent(MESSAGE);
    }

    @Test
    void openSslChecksOurCrlAndRefusesTheRevokedSigner() throws Exception {
        // openssl cms has no -CRLfile: CRLs are read from the -CAfile, as the README tells auditors.
        Path trust = Files.writeString(tmp.resolve("uk-trust.pem"), Files.readString(ExamplePki.cert("uk-root-ca"))
                + Files.readString(ExamplePki.crl("uk-root-ca")));
        Path good = Files.write(tmp.resolve("good.der"), CmsSigner.create(ExamplePki.identity("gateway")).sign(MESSAGE));
        Path bad = Files.write(tmp.resolve("bad.der"), CmsSigner.create(ExamplePki.identity("revoked")).sign(MESSAGE));

        OpenSsl.run(tmp, "cms", "-verify", "-inform", "DER", "-in", good.toString(), "-CAfile", trust.toString(),
                "-crl_check", "-out", "content").assertSuccess();
        OpenSsl.Result refused = OpenSsl.run(tmp, "cms", "-verify", "-inform", "DER", "-in", bad.toString(),
                "-CAfile", trust.toString(), "-crl_check", "-out", "refused");

        assertThat(tmp.resolve("content")).hasBinaryContent(MESSAGE);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("certificate revoked");
    }

    @Test
    void openSslSeesOaepWithSha256AndAes256Gcm() throws Exception {
        Path wire = Files.write(tmp.resolve("message.der"),
                CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("spoc-ie")));

        String printed = OpenSsl.run(tmp, "cms", "-cmsout", "-print", "-inform", "DER", "-in", wire.toString())
                .assertSuccess().stdout();

        // OpenSSL names id-RSAES-OAEP "rsaesOaep" and id-aes256-GCM "aes-256-gcm"; the OIDs are what count.
        assertThat(printed).contains("contentType: id-smime-ct-authEnvelopedData (1.2.840.113549.1.9.16.1.23)")
                .contains("keyEncryptionAlgorithm: \n          algorithm: rsaesOaep (1.2.840.113549.1.1.7)")
                .contains("contentEncryptionAlgorithm: \n        algorithm: aes-256-gcm (2.16.840.1.101.3.4.1.46)")
                .doesNotContain("rsaEncryption");
        // RSAES-OAEP-params: [0] hashAlgorithm sha256, [1] maskGenAlgorithm mgf1 with sha256.
        String oaepParameters = printed.substring(printed.indexOf("rsaesOaep"), printed.indexOf("encryptedKey:"));
        assertThat(oaepParameters).containsSubsequence("cont [ 0 ]", ":sha256", "cont [ 1 ]", ":mgf1", ":sha256");
    }

    @Test
    void rsaRecipientInfoReallyUsesOaepWithSha256AndMgf1Sha256() throws Exception {
        byte[] wire = CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("spoc-ie"));

        AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(ContentInfo.getInstance(wire).getContent());
        assertThat(enveloped.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm())
                .isEqualTo(NISTObjectIdentifiers.id_aes256_GCM);
        assertThat(enveloped.getRecipientInfos().size()).isEqualTo(1);
        ASN1Encodable info = RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0)).getInfo();
        AlgorithmIdentifier keyEncryption = KeyTransRecipientInfo.getInstance(info).getKeyEncryptionAlgorithm();
        assertThat(keyEncryption.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP);
        RSAESOAEPparams oaep = RSAESOAEPparams.getInstance(keyEncryption.getParameters());
        assertThat(oaep.getHashAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(oaep.getMaskGenAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_mgf1);
        assertThat(AlgorithmIdentifier.getInstance(oaep.getMaskGenAlgorithm().getParameters()).getAlgorithm())
                .isEqualTo(NISTObjectIdentifiers.id_sha256);
    }

    @Test
    void ecRecipientInfoUsesEcdhWithSha256KdfAndAes256Wrap() throws Exception {
        Path wire = Files.write(tmp.resolve("message.der"),
                CmsEncryptor.create().encrypt(MESSAGE, ExamplePki.certificate("europol")));

        String printed = OpenSsl.run(tmp, "cms", "-cmsout", "-print", "-inform", "DER", "-in", wire.toString())
                .assertSuccess().stdout();

        assertThat(printed).contains("algorithm: dhSinglePass-stdDH-sha256kdf-scheme (1.3.132.1.11.1)")
                .containsPattern("OBJECT\\s+:id-aes256-wrap")
                .contains("parameter: OBJECT:prime256v1")
                .contains("algorithm: aes-256-gcm (2.16.840.1.101.3.4.1.46)");
    }

    @Test
    void auditorVerifiesAnRsaPssSignatureWithOpenSsl() throws Exception {
        Path signed = Files.write(tmp.resolve("signed.der"), CmsSigner.create(ExamplePki.identity("spoc-ie")).sign(MESSAGE));

        OpenSsl.run(tmp, "cms", "-verify", "-inform", "DER", "-in", signed.toString(),
                "-CAfile", ExamplePki.cert("eu-root-ca").toString(), "-out", "content").assertSuccess();
        String printed = OpenSsl.run(tmp, "cms", "-cmsout", "-print", "-inform", "DER", "-in", signed.toString())
                .assertSuccess().stdout();

        assertThat(tmp.resolve("content")).hasBinaryContent(MESSAGE);
        assertThat(printed).contains("algorithm: rsassaPss").contains("signingTime");
    }

    @Test
    void weReadWhatAPartnerMakesWithOpenSslForAnEcRecipient() throws Exception {
        Path content = Files.write(tmp.resolve("content.xml"), MESSAGE);
        OpenSsl.run(tmp, "cms", "-sign", "-nodetach", "-binary", "-md", "sha256", "-in", content.toString(),
                "-signer", ExamplePki.cert("europol").toString(), "-inkey", ExamplePki.key("europol").toString(),
                "-outform", "DER", "-out", "signed.der").assertSuccess();
        OpenSsl.run(tmp, "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", "signed.der", "-outform", "DER",
                "-out", "wire.der", ExamplePki.cert("gateway").toString()).assertSuccess();

        byte[] signed = CmsDecryptor.create(ExamplePki.identity("gateway")).decrypt(Files.readAllBytes(tmp.resolve("wire.der")));
        VerifiedContent verified = ExamplePki.verifierTrusting("eu-root-ca").verify(signed);

        assertThat(verified.content()).isEqualTo(MESSAGE);
        assertThat(verified.signerCertificate()).isEqualTo(ExamplePki.certificate("europol"));
    }

    @Test
    void weReadWhatAPartnerMakesWithOpenSslForAnRsaRecipientWithOaep() throws Exception {
        Path content = Files.write(tmp.resolve("content.xml"), MESSAGE);
        OpenSsl.run(tmp, "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", content.toString(),
                "-recip", ExamplePki.cert("spoc-ie").toString(), "-keyopt", "rsa_padding_mode:oaep",
                "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256",
                "-outform", "DER", "-out", "wire.der").assertSuccess();

        byte[] plaintext = CmsDecryptor.create(ExamplePki.identity("spoc-ie"))
                .decrypt(Files.readAllBytes(tmp.resolve("wire.der")));

        assertThat(plaintext).isEqualTo(MESSAGE);
    }

    @Test
    void pkcs1v15KeyTransportIsRefusedBeforeAnyDecryption() throws Exception {
        Path content = Files.write(tmp.resolve("content.xml"), MESSAGE);
        OpenSsl.run(tmp, "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", content.toString(),
                "-outform", "DER", "-out", "wire.der", ExamplePki.cert("spoc-ie").toString()).assertSuccess();

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("spoc-ie"))
                .decrypt(Files.readAllBytes(tmp.resolve("wire.der"))))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("RSAES-OAEP");
    }

    @Test
    void classicEnvelopedDataWithoutAuthenticationIsRefused() throws Exception {
        Path content = Files.write(tmp.resolve("content.xml"), MESSAGE);
        OpenSsl.run(tmp, "cms", "-encrypt", "-binary", "-aes-256-cbc", "-in", content.toString(),
                "-outform", "DER", "-out", "wire.der", ExamplePki.cert("gateway").toString()).assertSuccess();

        assertThatThrownBy(() -> CmsDecryptor.create(ExamplePki.identity("gateway"))
                .decrypt(Files.readAllBytes(tmp.resolve("wire.der"))))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("Not a CMS AuthEnvelopedData");
    }

}
