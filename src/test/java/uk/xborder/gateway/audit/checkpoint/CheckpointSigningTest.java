package uk.xborder.gateway.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.DetachedSigner;
import uk.xborder.gateway.crypto.KeyMaterialException;

class CheckpointSigningTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123456789Z");
    private static final byte[] ROOT = MerkleHash.leaf("a root".getBytes(StandardCharsets.UTF_8));

    private static CheckpointSigner signer;
    private static CheckpointVerifier verifier;
    private static CertificateValidator ukTrust;

    @BeforeAll
    static void keys() throws Exception {
        signer = CheckpointSigner.create(AuditPki.identity("audit"), Clock.fixed(NOW, ZoneOffset.UTC));
        ukTrust = AuditPki.trusting("uk-root-ca");
        verifier = CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(), ukTrust);
    }

    @Test
    void aCheckpointSignedWithTheAuditKeyVerifies() throws Exception {
        SignedCheckpoint signed = signer.sign(42, ROOT);

        assertThat(signed.checkpoint().treeSize()).isEqualTo(42);
        assertThat(signed.checkpoint().rootHash()).isEqualTo(ROOT);
        assertThat(signed.checkpoint().time()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456Z"));
        assertThat(signed.checkpoint().keyId()).isEqualTo(AuditKeyId.of(AuditPki.certificate("audit")))
                .isEqualTo(verifier.keyId());
        assertThatCode(() -> verifier.verify(signed)).doesNotThrowAnyException();
    }

    @Test
    void theSignedTextIsTheDocumentedFiveLines() {
        Checkpoint checkpoint = signer.sign(42, ROOT).checkpoint();
        String text = new String(CheckpointCodec.signedBytes(checkpoint), StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo("xborder-gateway audit checkpoint v1\n42\n"
                + Base64.getEncoder().encodeToString(ROOT) + "\n2025-03-01T12:00:00.123456Z\n"
                + checkpoint.keyId() + "\n");
    }

    @Test
    void aCheckpointReadBackFromStorageSignsTheSameText() throws Exception {
        SignedCheckpoint signed = signer.sign(7, ROOT);
        Checkpoint c = signed.checkpoint();
        SignedCheckpoint reloaded = new SignedCheckpoint(new Checkpoint(c.treeSize(), c.rootHash(),
                Instant.parse(CheckpointCodec.time(c)), c.keyId()), signed.signature());
        assertThat(reloaded).isEqualTo(signed);
        verifier.verify(reloaded);
    }

    @Test
    void aForgedRootFailsTheSignature() {
        SignedCheckpoint signed = signer.sign(42, ROOT);
        byte[] forged = ROOT.clone();
        forged[0] ^= 1;
        SignedCheckpoint tampered = new SignedCheckpoint(new Checkpoint(42, forged, signed.checkpoint().time(),
                signed.checkpoint().keyId()), signed.signature());

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(CheckpointSignatureException.class)
                .hasMessageContaining("tree size 42");
    }

    @Test
    void aChangedSizeFailsTheSignature() {
        SignedCheckpoint signed = signer.sign(42, ROOT);
        Checkpoint c = signed.checkpoint();
        SignedCheckpoint tampered = new SignedCheckpoint(new Checkpoint(43, c.rootHash(), c.time(), c.keyId()),
                signed.signature());
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(CheckpointSignatureException.class);
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws Exception {
        DetachedSigner nca = DetachedSigner.create(AuditPki.identity("nca"));
        // claiming to be the audit key: the signature gives it away
        Checkpoint claimingAudit = new Checkpoint(42, ROOT, NOW, verifier.keyId());
        SignedCheckpoint forged = new SignedCheckpoint(claimingAudit, nca.sign(CheckpointCodec.signedBytes(claimingAudit)));
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(CheckpointSignatureException.class);

        // honestly naming its own key: not the audit key
        Checkpoint naming = new Checkpoint(42, ROOT, NOW, AuditKeyId.of(AuditPki.certificate("nca")));
        SignedCheckpoint other = new SignedCheckpoint(naming, nca.sign(CheckpointCodec.signedBytes(naming)));
        assertThatThrownBy(() -> verifier.verify(other)).isInstanceOf(CheckpointKeyMismatchException.class)
                .hasMessageContaining(naming.keyId()).hasMessageContaining(verifier.keyId());
    }

    @Test
    void aWrongKeyIdFails() {
        SignedCheckpoint signed = signer.sign(42, ROOT);
        Checkpoint c = signed.checkpoint();
        SignedCheckpoint wrongId = new SignedCheckpoint(new Checkpoint(42, c.rootHash(), c.time(), "0".repeat(64)),
                signed.signature());
        assertThatThrownBy(() -> verifier.verify(wrongId)).isInstanceOf(CheckpointKeyMismatchException.class);
    }

    @Test
    void anAuditCertificateThatDoesNotChainToATrustAnchorIsRefused() throws Exception {
        assertThatThrownBy(() -> CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(),
                AuditPki.trusting("eu-root-ca")))
                .isInstanceOf(UntrustedAuditKeyException.class)
                .hasMessageContaining("not trusted");
    }

    @Test
    void aTrustedCertificateWithoutTheAuditPurposeCannotStandInForTheAuditKey() throws Exception {
        // nca chains to the same root as the audit key, but was never issued to sign the audit log
        assertThatThrownBy(() -> CheckpointVerifier.create(AuditPki.certificate("nca"), List.of(), ukTrust))
                .isInstanceOf(UntrustedAuditKeyException.class)
                .hasMessageContaining("not an audit-log signing certificate");
        assertThatThrownBy(() -> CheckpointSigner.create(AuditPki.identity("nca")))
                .isInstanceOf(KeyMaterialException.class);
    }

    @Test
    void toStringShowsNoKeyMaterial() throws Exception {
        assertThat(signer.toString()).contains("keyId=").doesNotContain("PRIVATE");
        assertThat(signer.sign(1, ROOT).toString()).contains("signature=").doesNotContain("[B@");
    }
}
