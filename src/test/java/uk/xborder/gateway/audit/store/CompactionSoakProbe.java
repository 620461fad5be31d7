package uk.xborder.gateway.audit.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * Experiment: two embedded audit stores at 20 messages a second for a few minutes, one compacted as the gateway
 * compacts its own, the other not; their file sizes as they grow.
 */
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
                    LockSupport.parkNanos(wait);
                }
                EmbeddedFileCompactionTest.recordAsOneMessage(a, message);
                EmbeddedFileCompactionTest.recordAsOneMessage(b, message);
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
}
