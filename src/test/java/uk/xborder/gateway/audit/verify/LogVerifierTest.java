package uk.xborder.gateway.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.DelegatingAuditLog;
import uk.xborder.gateway.audit.InMemoryAuditLog;
import uk.xborder.gateway.audit.SampleEvents;
import uk.xborder.gateway.audit.checkpoint.Checkpoint;
import uk.xborder.gateway.audit.checkpoint.CheckpointCodec;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;
import uk.xborder.gateway.audit.log.AuditLog;
import uk.xborder.gateway.crypto.DetachedSigner;

class LogVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    private static CheckpointSigner signer;
    private static CheckpointVerifier checkpointVerifier;

    private InMemoryAuditLog log;

    @BeforeAll
    static void keys() throws Exception {
        signer = CheckpointSigner.create(AuditPki.identity("audit"), CLOCK);
        checkpointVerifier = CheckpointVerifier.create(AuditPki.certificate("audit"), List.of(),
                AuditPki.trusting("uk-root-ca"));
    }

    /** 25,000 entries (more than two read chunks), a checkpoint every 2,000 and one at the end of each third. */
    @BeforeEach
    void aLogWithCheckpoints() {
        log = new InMemoryAuditLog(signer, CLOCK);
        log.checkpoint(); // of the empty log
        for (int i = 0; i < 25_000; i++) {
            log.record(SampleEvents.event(i));
            if ((i + 1) % 2_000 == 0 || i == 24_000) {
                log.checkpoint();
            }
        }
    }

    @Test
    void anUntouchedLogVerifies() {
        VerificationReport report = new LogVerifier(log, checkpointVerifier).verify();

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(25_000);
        assertThat(report.checkpointsChecked()).isEqualTo(1 + 12 + 1);
        assertThat(report.signedTreeSize()).isEqualTo(24_001);
        assertThat(report.entriesAfterLatestCheckpoint()).isEqualTo(999);
        assertThat(report.summary()).contains("OK").contains("999 newer entries");
    }

    @Test
    void anAlteredEntryIsLocated() {
        log.tamperReplaceEvent(17, SampleEvents.forged(17));

        expect(FailureCode.ENTRY_ALTERED, "Entry 17 was altered");
    }

    @Test
    void anAlteredEntryInAChunkReadAlongsideAnotherIsLocatedInOrder() {
        long late = 2L * LogVerifier.CHUNK + 17;
        log.tamperReplaceEvent(late, SampleEvents.forged((int) late));
        log.tamperReplaceEvent(LogVerifier.CHUNK + 5, SampleEvents.forged(LogVerifier.CHUNK + 5));

        expect(FailureCode.ENTRY_ALTERED, "Entry " + (LogVerifier.CHUNK + 5) + " was altered");
    }

    @Test
    void aDeletedEntryShowsAsAGap() {
        log.tamperDelete(17);

        expect(FailureCode.ENTRY_MISSING, "Entry 17 is missing");
    }

    @Test
    void aDeletedEntryAtTheEndOfAReadChunkIsFound() {
        log.tamperDelete(LogVerifier.CHUNK - 1);

        expect(FailureCode.ENTRY_MISSING, "Entry 9999 is missing");
    }

    @Test
    void deletingTheNewestSignedEntriesLeavesTheLogShorterThanItsCheckpoint() {
        for (long seq = 24_999; seq >= 23_990; seq--) {
            log.tamperDelete(seq);
        }
        expect(FailureCode.ENTRY_MISSING, "The log has 23990 entries, but a checkpoint was signed at size 24001:"
                + " entries 23990-24000 are missing");
    }

    @Test
    void reorderedEntriesAreLocated() {
        log.tamperSwapEvents(100, 101);
        expect(FailureCode.ENTRY_ALTERED, "Entry 100 was altered");
    }

    @Test
    void anEntryStoredTwiceIsLocated() {
        log.tamperDuplicate(100);
        expect(FailureCode.DUPLICATE_ENTRY, "Entry 100 appears more than once");
    }

    @Test
    void anEntryRewrittenWithItsHashIsLocatedBetweenTwoCheckpoints() {
        log.tamperRewriteEventAndHash(3_456, SampleEvents.forged(3_456));

        expect(FailureCode.CHECKPOINT_ROOT_MISMATCH,
                "Entries 2000-3999 do not match the checkpoint signed at size 4000");
    }

    @Test
    void aRewriteAfterTheLatestCheckpointCannotBeDetectedAndTheReportSaysSo() {
        log.tamperRewriteEventAndHash(24_500, SampleEvents.forged(24_500));

        VerificationReport report = new LogVerifier(log, checkpointVerifier).verify();
        assertThat(report.ok()).isTrue();
        assertThat(report.entriesAfterLatestCheckpoint()).isEqualTo(999);
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsReported() throws Exception {
        AuditLog forgedLog = new ForgedCheckpointLog(log);
        VerificationReport report = new LogVerifier(forgedLog, checkpointVerifier).verify();

        assertThat(report.failure()).isEqualTo(FailureCode.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(report.problem()).contains("tree size 4000");
    }

    private void expect(FailureCode code, String problem) {
        VerificationReport report = new LogVerifier(log, checkpointVerifier).verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).as(report.summary()).isEqualTo(code);
        assertThat(report.problem()).startsWith(problem);
        assertThat(report.summary()).doesNotContain("nothing to see here").doesNotContain("someone-else");
    }

    /** The same log, but its checkpoint at size 4000 re-signed by nca's key under the audit key's id. */
    private static final class ForgedCheckpointLog extends DelegatingAuditLog {

        ForgedCheckpointLog(AuditLog delegate) {
            super(delegate);
        }

        @Override
        public List<SignedCheckpoint> checkpoints() {
            try {
                DetachedSigner nca = DetachedSigner.create(AuditPki.identity("nca"));
                return super.checkpoints().stream().map(signed -> {
                    Checkpoint c = signed.checkpoint();
                    if (c.treeSize() != 4000) {
                        return signed;
                    }
                    try {
                        return new SignedCheckpoint(c, nca.sign(CheckpointCodec.signedBytes(c)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
