package uk.xborder.gateway.audit.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import uk.xborder.gateway.audit.AuditBatch;
import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.crypto.SigningIdentity;

/** Experiment: two embedded stores at 20 messages/s for a few minutes, one compacted every 30 s; file sizes. */
public final class CompactionSoakProbe {
    public static void main(String[] args) throws Exception {
        SigningIdentity key = SigningIdentity.fromPem(Path.of("certs-example/audit/cert.pem"),
                Path.of("certs-example/audit/key.pem"), null);
        Path plainDir = Files.createTempDirectory("plain");
        Path compactDir = Files.createTempDirectory("compact");
        // The real store (with compaction) and one with it switched off by a URL the factory does not recognise as
        // a file URL prefix: the same file store, opened as "jdbc:h2:nio:".
        AuditStoreSettings plain = AuditStoreSettings.database(
                AuditStoreSettings.embeddedUrl(plainDir).replace("jdbc:h2:file:", "jdbc:h2:nio:"), "", "");
        AuditStoreSettings compacted = AuditStoreSettings.embedded(compactDir);
        try (JdbcAuditLog a = AuditStoreFactory.open(plain, CheckpointSigner.create(key), new SimpleMeterRegistry());
             JdbcAuditLog b = AuditStoreFactory.open(compacted, CheckpointSigner.create(key),
                     new SimpleMeterRegistry())) {
            long start = System.nanoTime();
            int seconds = Integer.getInteger("probe.seconds", 240);
            int message = 0;
            long nextPrint = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                long due = start + message * 50_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                one(a, message);
                one(b, message);
                message++;
                long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
                if (elapsed >= nextPrint) {
                    System.out.printf("%4d s  %6d messages  plain %,8.1f MiB  compacted %,8.1f MiB%n", elapsed,
                            message, size(plainDir), size(compactDir));
                    nextPrint += 20;
                }
            }
        }
    }

    private static double size(Path dir) throws Exception {
        return Files.size(dir.resolve("audit/audit-log.mv.db")) / 1048576.0;
    }

    private static void one(JdbcAuditLog log, int message) {
        String exchange = UUID.randomUUID().toString();
        AuditBatch batch = AuditBatch.open();
        try {
            for (int step = 0; step < 27; step++) {
                log.record(new AuditEvent(exchange + "/" + step, Events.T0.plusMillis(message * 27L + step),
                        exchange, "PS-" + message, null, List.of("CASE-" + message % 5), "STEP_" + step,
                        "COLLECTION", "SUCCESS", null, null, "gateway/outbound", "police-scotland",
                        List.of("europol", "spoc-ie", "nca"), "UK_GSC OFFICIAL-SENSITIVE", "UK_3X5X2 P",
                        "Law Enforcement Directive Art. 35", null, "ab".repeat(32)));
            }
            AuditBatch.awaitRecorded();
        } finally {
            batch.close();
        }
    }
}
