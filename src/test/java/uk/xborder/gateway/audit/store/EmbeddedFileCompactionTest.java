package uk.xborder.gateway.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.log.LogEntry;

/**
 * The embedded file is compacted while the gateway runs: committing each message at once leaves most of every chunk
 * dead, and H2 does not compact by itself then. The test lowers H2's retention time (45 s) so that the chunks it has
 * just written count as old.
 */
class EmbeddedFileCompactionTest {

    @TempDir
    Path dataDir;

    @Test
    void theChunksMessagesLeftMostlyDeadAreRewrittenAndTheLogIsIntactAfter() throws Exception {
        AuditStoreSettings settings = AuditStoreSettings.database(
                AuditStoreSettings.embeddedUrl(dataDir) + ";RETENTION_TIME=0", "", "");
        try (JdbcAuditLog log = AuditStoreFactory.open(settings,
                CheckpointSigner.create(AuditPki.identity("audit")), new SimpleMeterRegistry());
             Connection connection = log.database().getConnection()) {
            MVStore store = EmbeddedFileCompaction.store(connection);
            for (int message = 0; message < 300; message++) {
                recordAsOneMessage(log, message);
            }
            int before = store.getFileStore().getChunksFillRate();

            // Rounds as the timer runs them, with messages committed between them (a commit drops the chunks a
            // round emptied), until one finds nothing left below the target.
            EmbeddedFileCompaction compaction = new EmbeddedFileCompaction(log.database(), Duration.ofHours(1));
            int rewrites = 0;
            int messages = 300;
            for (int round = 0; round < 20; round++) {
                int calls = compaction.compactNow();
                recordAsOneMessage(log, messages++);
                if (calls == 0) {
                    break;
                }
                rewrites += calls;
            }

            int after = store.getFileStore().getChunksFillRate();
            assertThat(before).as("a commit per message leaves its chunk mostly dead").isLessThan(50);
            assertThat(rewrites).isPositive();
            assertThat(after).as("chunks " + before + "% full before").isGreaterThan(before + 20);
            assertThat(log.size()).isEqualTo(messages * 27L);
            assertThat(log.range(0, log.size())).extracting(LogEntry::seq).doesNotHaveDuplicates()
                    .hasSize(messages * 27);
            assertThat(log.checkpoint().checkpoint().treeSize()).as("the tree still matches what is stored")
                    .isEqualTo(messages * 27L);
        }
    }

    @Test
    void compactingWhileMessagesAreRecordedLosesAndDuplicatesNothing() throws Exception {
        AuditStoreSettings settings = AuditStoreSettings.database(
                AuditStoreSettings.embeddedUrl(dataDir) + ";RETENTION_TIME=0", "", "");
        try (JdbcAuditLog log = AuditStoreFactory.open(settings,
                CheckpointSigner.create(AuditPki.identity("audit")), new SimpleMeterRegistry())) {
            EmbeddedFileCompaction compaction = new EmbeddedFileCompaction(log.database(), Duration.ofHours(1));
            AtomicBoolean recording = new AtomicBoolean(true);
            AtomicInteger rewrites = new AtomicInteger();
            Thread compacting = new Thread(() -> {
                while (recording.get()) {
                    try {
                        rewrites.addAndGet(compaction.compactNow());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            compacting.start();
            try {
                for (int message = 0; message < 400; message++) {
                    recordAsOneMessage(log, message);
                }
            } finally {
                recording.set(false);
                compacting.join();
            }

            assertThat(rewrites.get()).as("it compacted meanwhile").isPositive();
            assertThat(log.range(0, log.size())).extracting(e -> e.event().eventKey()).doesNotHaveDuplicates()
                    .hasSize(400 * 27);
            assertThat(log.checkpoint().checkpoint().treeSize()).isEqualTo(400 * 27);
        }
    }

    /** 27 events committed together, as the audit batch of a report to three partners is. */
    static void recordAsOneMessage(JdbcAuditLog log, int message) {
        String exchange = UUID.randomUUID().toString();
        AuditBatch batch = AuditBatch.open();
        try {
            for (int step = 0; step < 27; step++) {
                log.record(new AuditEvent(exchange + "/" + step, Events.T0.plusMillis(message * 27L + step),
                        exchange, "PS-" + message, null, List.of("CASE-" + message % 5), "STEP_" + step,
                        step % 9 == 8 ? "DISCLOSURE" : "COLLECTION", "SUCCESS", null, null, "gateway/outbound",
                        "police-scotland", List.of("europol", "spoc-ie", "nca"), "UK_GSC OFFICIAL-SENSITIVE",
                        "UK_3X5X2 P", "Law Enforcement Directive Art. 35", null, "ab".repeat(32)));
            }
            AuditBatch.awaitRecorded();
        } finally {
            batch.close();
        }
    }
}
