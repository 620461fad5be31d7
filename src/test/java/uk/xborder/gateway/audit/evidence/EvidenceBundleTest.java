package uk.xborder.gateway.audit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.xborder.gateway.audit.evidence.BundleFixtures.b64;
import static uk.xborder.gateway.audit.evidence.BundleFixtures.checkpoint;
import static uk.xborder.gateway.audit.evidence.BundleFixtures.edit;
import static uk.xborder.gateway.audit.evidence.BundleFixtures.entry;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.InMemoryAuditLog;
import uk.xborder.gateway.audit.SampleEvents;
import uk.xborder.gateway.audit.checkpoint.AuditKeyId;
import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointCodec;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditQuery;
import uk.xborder.gateway.audit.log.EntryCodec;
import uk.xborder.gateway.audit.log.LogEntry;
import uk.xborder.gateway.audit.merkle.MerkleHash;
import uk.xborder.gateway.audit.merkle.MerkleTree;
import uk.xborder.gateway.audit.verify.FailureCode;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.DetachedSigner;

/**
 * Evidence bundles end to end: exported from an honest log, verified offline; then one fixture per way a bundle
 * can be bad, each refused with its own code and a sentence naming the entry or checkpoint concerned.
 */
class EvidenceBundleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private static final int ENTRIES = 300;

    private static CheckpointSigner signer;
    private static X509Certificate auditCertificate;
    private static BundleVerifier verifier;

    private InMemoryAuditLog log;
    private EvidenceExporter exporter;

    @BeforeAll
    static void keys() throws Exception {
        signer = CheckpointSigner.create(AuditPki.identity("audit"), CLOCK);
        auditCertificate = AuditPki.certificate("audit");
        verifier = BundleVerifier.trusting(List.of(AuditPki.certificate("uk-root-ca")), AuditPki.crls("uk-root-ca"));
    }

    /** 300 entries with checkpoints at 50, 128 and 200; the exporter signs one at 300. */
    @BeforeEach
    void aLog() {
        log = new InMemoryAuditLog(signer, CLOCK);
        for (int i = 0; i < ENTRIES; i++) {
            log.record(SampleEvents.event(i));
            if (i + 1 == 50 || i + 1 == 128 || i + 1 == 200) {
                log.checkpoint();
            }
        }
        exporter = new EvidenceExporter(log, CLOCK, List.of(auditCertificate));
    }

    // --- good bundles ------------------------------------------------------------------------------------------

    @Test
    void aRangeBundleVerifiesOffline() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);

        VerificationReport report = verifier.verify(bundle);
        assertThat(report.ok()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(10);
        assertThat(report.checkpointsChecked()).isEqualTo(4);
        assertThat(report.signedTreeSize()).isEqualTo(ENTRIES);
        assertThat(log.checkpoints()).hasSize(4);
    }

    @Test
    void aSearchBundleHoldsEveryMatchOverAllPagesAndVerifies() throws Exception {
        AuditQuery rejected = new AuditQuery(null, null, null, null, null, null, AuditOutcome.REJECTED, null, null,
                null, 0, 1);
        byte[] bundle = exporter.export(rejected);

        EvidenceBundle parsed = EvidenceBundleCodec.parse(bundle);
        assertThat(parsed.entries()).hasSize((int) log.search(new AuditQuery(null, null, null, null, null, null,
                AuditOutcome.REJECTED, null, null, null, 0, 1000)).total()).hasSizeGreaterThan(1);
        assertThat(parsed.selection().description()).contains("outcome REJECTED");
        assertThat(verifier.verify(bundle).entriesChecked()).isEqualTo(parsed.entries().size());

        AuditQuery everything = new AuditQuery(null, null, null, null, null, null, null, null, null, null, 0, 1);
        assertThat(verifier.verify(exporter.export(everything)).entriesChecked()).isEqualTo(ENTRIES);
    }

    @Test
    void theBundleCarriesExactlyTheCanonicalBytesOfEachEntry() throws Exception {
        EvidenceBundle parsed = EvidenceBundleCodec.parse(exporter.exportRange(5, 6));
        LogEntry entry = log.entry(5).orElseThrow();
        assertThat(parsed.entries().get(0).canonical()).isEqualTo(EntryCodec.canonical(entry));
        assertThat(parsed.auditCertificateChain()).containsExactly(auditCertificate);
    }

    @Test
    void anEmptySelectionStillProvesTheCheckpoints() throws Exception {
        AuditQuery nobody = new AuditQuery("no-such-message", null, null, null, null, null, null, null, null, null,
                0, 10);
        VerificationReport report = verifier.verify(exporter.export(nobody));
        assertThat(report.entriesChecked()).isZero();
        assertThat(report.checkpointsChecked()).isEqualTo(4);
    }

    @Test
    void theExporterRefusesRangesOutsideTheLog() {
        assertThatThrownBy(() -> exporter.exportRange(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exporter.exportRange(290, 301)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no entry 300");
    }

    // --- bad bundles: one fixture each ------------------------------------------------------------------------

    @Test
    void truncated() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        expect(Arrays.copyOf(bundle, bundle.length / 2), FailureCode.MALFORMED_BUNDLE, "truncated");
    }

    @Test
    void notJson() {
        expect("this is not an evidence bundle".getBytes(StandardCharsets.UTF_8), FailureCode.MALFORMED_BUNDLE,
                "not valid JSON");
        expect(new byte[0], FailureCode.MALFORMED_BUNDLE, "empty");
        expect("[1, 2]".getBytes(StandardCharsets.UTF_8), FailureCode.MALFORMED_BUNDLE, "JSON object");
    }

    @Test
    void aFieldMissingUnknownOrOfTheWrongType() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        expect(edit(bundle, root -> root.remove("consistencyProofs")), FailureCode.MALFORMED_BUNDLE,
                "no field 'consistencyProofs'");
        expect(edit(bundle, root -> root.put("comment", "trust me")), FailureCode.MALFORMED_BUNDLE,
                "field 'comment'");
        expect(edit(bundle, root -> checkpoint(root, 1).put("treeSize", "128")), FailureCode.MALFORMED_BUNDLE,
                "checkpoints[1].treeSize must be a whole number");
        expect(edit(bundle, root -> entry(root, 0).put("canonical", "not base64!")), FailureCode.MALFORMED_BUNDLE,
                "entries[0].canonical is not valid base64");
        expect(edit(bundle, root -> root.withArray("auditCertificateChain").set(0,
                root.textNode("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))),
                FailureCode.MALFORMED_BUNDLE, "auditCertificateChain[0] is not a PEM certificate");
        byte[] duplicateKey = new String(bundle, StandardCharsets.UTF_8)
                .replaceFirst("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,").getBytes(StandardCharsets.UTF_8);
        expect(duplicateKey, FailureCode.MALFORMED_BUNDLE, "not valid JSON");
    }

    @Test
    void anotherVersion() throws Exception {
        expect(edit(exporter.exportRange(10, 20), root -> root.put("version", 2)),
                FailureCode.UNSUPPORTED_BUNDLE_VERSION, "version 1 only");
    }

    @Test
    void anEntryAltered() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        LogEntry original = log.entry(13).orElseThrow();
        LogEntry altered = new LogEntry(13, original.recordedAt(), SampleEvents.forged(13));
        expect(edit(bundle, root -> entry(root, 3).put("canonical", b64(EntryCodec.canonical(altered)))),
                FailureCode.ENTRY_NOT_IN_LOG, "Entry 13 is not in the log signed at size 300");
    }

    @Test
    void anEntryNotInCanonicalForm() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        expect(edit(bundle, root -> {
            String json = new String(b64(entry(root, 3).get("canonical").textValue()), StandardCharsets.UTF_8);
            entry(root, 3).put("canonical", b64(json.replace(",", ", ").getBytes(StandardCharsets.UTF_8)));
        }), FailureCode.ENTRY_NOT_CANONICAL, "Entry 13 is not a canonical audit entry");
        expect(edit(bundle, root -> entry(root, 3).put("canonical", b64("{}".getBytes(StandardCharsets.UTF_8)))),
                FailureCode.ENTRY_NOT_CANONICAL, "Entry 13");
        // the bytes of entry 14 presented as entry 13
        expect(edit(bundle, root -> entry(root, 3).set("canonical", entry(root, 4).get("canonical"))),
                FailureCode.ENTRY_NOT_CANONICAL, "Entry 13's canonical bytes are those of entry 14");
    }

    @Test
    void anEntryRemovedFromTheProofs() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        // a hash taken out of entry 12's inclusion proof
        expect(edit(bundle, root -> ((ArrayNode) entry(root, 2).with("inclusionProof").withArray("path")).remove(0)),
                FailureCode.ENTRY_NOT_IN_LOG, "Entry 12 is not in the log signed at size 300");
        // entry 12 taken out of a range bundle altogether
        expect(edit(bundle, root -> root.withArray("entries").remove(2)), FailureCode.ENTRY_MISSING,
                "Entry 12 of the selected range is missing");
    }

    @Test
    void anEntryTwiceOrBeyondTheCheckpoint() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        expect(edit(bundle, root -> root.withArray("entries").insert(3, entry(root, 2).deepCopy())),
                FailureCode.DUPLICATE_ENTRY, "Entry 12 appears more than once");
        expect(edit(bundle, root -> entry(root, 9).put("seq", 300)), FailureCode.ENTRY_NOT_IN_LOG,
                "Entry 300 lies beyond the latest checkpoint");
    }

    @Test
    void aCheckpointReSignedWithAnotherKeyAndThatKeysCertificateSwappedIn() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        X509Certificate nca = AuditPki.certificate("nca");
        DetachedSigner ncaSigner = DetachedSigner.create(AuditPki.identity("nca"));
        byte[] forged = edit(bundle, root -> {
            for (int i = 0; i < root.withArray("checkpoints").size(); i++) {
                ObjectNode node = checkpoint(root, i);
                Checkpoint c = new Checkpoint(node.get("treeSize").longValue(), b64(node.get("rootHash").textValue()),
                        Instant.parse(node.get("time").textValue()), AuditKeyId.of(nca));
                node.put("keyId", c.keyId());
                try {
                    node.put("signature", b64(ncaSigner.sign(CheckpointCodec.signedBytes(c))));
                    root.withArray("auditCertificateChain").set(0, root.textNode(Certificates.toPem(nca)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        // nca chains to the same root, but it is not the audit key
        expect(forged, FailureCode.UNTRUSTED_AUDIT_KEY, "not an audit-log signing certificate");
    }

    @Test
    void aCheckpointReSignedWithAnotherKeyUnderTheAuditKeysName() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        DetachedSigner ncaSigner = DetachedSigner.create(AuditPki.identity("nca"));
        expect(edit(bundle, root -> {
            ObjectNode node = checkpoint(root, 1);
            Checkpoint c = new Checkpoint(node.get("treeSize").longValue(), b64(node.get("rootHash").textValue()),
                    Instant.parse(node.get("time").textValue()), node.get("keyId").textValue());
            try {
                node.put("signature", b64(ncaSigner.sign(CheckpointCodec.signedBytes(c))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), FailureCode.CHECKPOINT_SIGNATURE_INVALID, "checkpoint at tree size 128");
    }

    @Test
    void aForgedCheckpointRoot() throws Exception {
        byte[] bundle = exporter.exportRange(10, 20);
        expect(edit(bundle, root -> {
            byte[] rootHash = b64(checkpoint(root, 3).get("rootHash").textValue());
            rootHash[0] ^= 1;
            checkpoint(root, 3).put("rootHash", b64(rootHash));
        }), FailureCode.CHECKPOINT_SIGNATURE_INVALID, "checkpoint at tree size 300");
    }

    @Test
    void aCheckpointNamingAnotherKey() throws Exception {
        expect(edit(exporter.exportRange(10, 20), root -> checkpoint(root, 0).put("keyId", "0".repeat(64))),
                FailureCode.CHECKPOINT_KEY_MISMATCH, "checkpoint at tree size 50");
    }

    @Test
    void checkpointsInconsistent() throws Exception {
        // A fork: the audit key itself signed a size-128 root of a different history (entry 60 differs). Each
        // checkpoint is genuinely signed; only the consistency proofs show they are not one log.
        MerkleTree fork = new MerkleTree();
        for (LogEntry entry : log.range(0, 128)) {
            LogEntry e = entry.seq() == 60 ? new LogEntry(60, entry.recordedAt(), SampleEvents.forged(60)) : entry;
            fork.append(MerkleHash.leaf(EntryCodec.canonical(e)));
        }
        SignedCheckpoint forked = signer.sign(128, fork.root());
        byte[] bundle = edit(exporter.exportRange(10, 20), root -> {
            checkpoint(root, 1).put("rootHash", b64(forked.checkpoint().rootHash()));
            checkpoint(root, 1).put("time", CheckpointCodec.time(forked.checkpoint()));
            checkpoint(root, 1).put("signature", b64(forked.signature()));
        });
        expect(bundle, FailureCode.CHECKPOINTS_INCONSISTENT, "The checkpoints at sizes 50 and 128 are not of one"
                + " append-only log");
    }

    @Test
    void checkpointsOutOfOrder() throws Exception {
        expect(edit(exporter.exportRange(10, 20), root -> {
            ArrayNode checkpoints = root.withArray("checkpoints");
            checkpoints.insert(0, checkpoints.remove(1));
        }), FailureCode.CHECKPOINTS_INCONSISTENT, "The checkpoint at size 50 follows the checkpoint at size 128");
    }

    @Test
    void anAuditCertificateTheAuditorDoesNotTrust() throws Exception {
        BundleVerifier euOnly = BundleVerifier.trusting(List.of(AuditPki.certificate("eu-root-ca")), List.of());
        assertThatThrownBy(() -> euOnly.verify(exporter.exportRange(10, 20)))
                .isInstanceOfSatisfying(BundleVerificationException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.UNTRUSTED_AUDIT_KEY));
    }

    private static void expect(byte[] bundle, FailureCode code, String sentence) {
        assertThatThrownBy(() -> verifier.verify(bundle))
                .isInstanceOfSatisfying(BundleVerificationException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(sentence)
                            .doesNotContain("Exception").doesNotContain("\tat ")
                            .doesNotContain("nothing to see here").doesNotContain("police-scotland");
                });
    }
}
