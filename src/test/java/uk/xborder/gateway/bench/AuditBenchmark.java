package uk.xborder.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.DelegatingAuditLog;
import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.CheckpointVerifier;
import uk.xborder.gateway.audit.store.AuditStoreFactory;
import uk.xborder.gateway.audit.store.AuditStoreSettings;
import uk.xborder.gateway.audit.store.JdbcAuditLog;
import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.crypto.CertificateValidator;
import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.SigningIdentity;

/**
 * The audit log's speed, each figure next to a baseline measured in the same run on the same machine:
 * <ol>
 *   <li>appends per second through the store (group commit, callers waiting for durability as pipeline steps do),
 *       on H2 and on PostgreSQL, against plain JDBC inserts committed one by one on the same database;</li>
 *   <li>verification of the whole log ({@code bench.entries}, default 1,000,000; target ≤ 5 s), against merely
 *       reading the same entries and against the verifier's earlier read path, {@code bench.rounds} times;</li>
 *   <li>inclusion proof generation (target ≤ 5 ms), against reading one entry.</li>
 * </ol>
 * Run: {@code mvn -Pbench test-compile exec:java}. Options: {@code -Dbench.entries=N -Dbench.appends=N
 * -Dbench.callers=N -Dbench.rounds=N}.
 */
public final class AuditBenchmark {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    private static final int APPENDS = Integer.getInteger("bench.appends", 20_000);
    private static final int CALLERS = Integer.getInteger("bench.callers", 32);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("audit-bench");
        SigningIdentity auditKey = SigningIdentity.fromPem(Path.of("certs-example/audit/cert.pem"),
                Path.of("certs-example/audit/key.pem"), null);
        CheckpointSigner signer = CheckpointSigner.create(auditKey);
        print("Audit log benchmark: %,d appends by %d callers; a log of %,d entries%n", APPENDS, CALLERS, ENTRIES);

        appendThroughput("H2 (file)", AuditStoreSettings.embedded(work.resolve("append")), signer);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start()) {
            appendThroughput("PostgreSQL 14", AuditStoreSettings.database(
                    postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""), signer);
        }

        AuditStoreSettings large = AuditStoreSettings.embedded(work.resolve("large"))
                .withCheckpoints(100_000, Duration.ofHours(1));
        try (JdbcAuditLog log = AuditStoreFactory.open(large, signer, new SimpleMeterRegistry())) {
            fill(log, ENTRIES);
            log.checkpoint();
            verification(log, auditKey);
            proofs(log);
        }
    }

    private static void appendThroughput(String database, AuditStoreSettings settings, CheckpointSigner signer)
            throws Exception {
        double baseline = plainInsertsPerSecond(settings, Math.min(APPENDS, 2_000));
        try (JdbcAuditLog log = AuditStoreFactory.open(settings, signer, new SimpleMeterRegistry())) {
            long started = System.nanoTime();
            concurrently(CALLERS, APPENDS, i -> log.record(event("append-" + i)));
            double perSecond = APPENDS / seconds(started);
            print("%-14s appends: %,10.0f entries/s   baseline (plain insert, one commit each): %,8.0f/s"
                    + "   ratio %.1fx%n", database, perSecond, baseline, perSecond / baseline);
        }
    }

    private static double plainInsertsPerSecond(AuditStoreSettings settings, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(),
                settings.user().isEmpty() ? null : settings.user(), null)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_baseline (id BIGINT PRIMARY KEY, payload VARCHAR(1000))");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_baseline VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "x".repeat(400));
                    insert.executeUpdate();
                    c.commit();
                }
            }
            double perSecond = count / seconds(started);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_baseline");
            }
            c.commit();
            return perSecond;
        }
    }

    private static void fill(JdbcAuditLog log, int entries) throws Exception {
        long started = System.nanoTime();
        concurrently(64, entries - (int) log.size(), i -> log.record(event("large-" + i)));
        print("filled a log of %,d entries in %.1f s%n", log.size(), seconds(started));
    }

    /**
     * Verification three ways, interleaved {@code bench.rounds} times so that a noisy machine affects each alike:
     * merely reading the entries (the baseline), the verifier over the store as it runs (one scan per chunk), and
     * the same verifier over the read path it had before (entries and stored hashes in two reads per chunk).
     */
    private static void verification(JdbcAuditLog log, SigningIdentity auditKey) throws Exception {
        CertificateValidator trust = CertificateValidator.builder()
                .trustAnchors(Certificates.readCertificates(Path.of("certs-example/uk-root-ca/cert.pem")))
                .withoutRevocationChecking().build();
        CheckpointVerifier checkpoints = CheckpointVerifier.create(auditKey.certificate(), auditKey.chain(), trust);
        for (int round = 1; round <= ROUNDS; round++) {
            long started = System.nanoTime();
            long read = 0;
            for (long from = 0; from < log.size(); from += 10_000) {
                read += log.range(from, Math.min(from + 10_000, log.size())).size();
            }
            double baseline = seconds(started);
            started = System.nanoTime();
            VerificationReport report = new LogVerifier(log, checkpoints).verify();
            double verifying = seconds(started);
            started = System.nanoTime();
            VerificationReport twoReads = new LogVerifier(new DelegatingAuditLog(log), checkpoints).verify();
            double verifyingTwoReads = seconds(started);
            print("round %d: verify %,d entries: %.2f s (target <= 5 s: %s)   with two reads per chunk: %.2f s"
                    + " (%.2fx)   baseline (read them only): %.2f s (ratio %.2fx)   [%s]%n", round, read, verifying,
                    verifying <= 5 ? "met" : "MISSED", verifyingTwoReads, verifyingTwoReads / verifying, baseline,
                    verifying / baseline, report.ok() && twoReads.ok() ? "log verified" : report.summary());
        }
    }

    private static void proofs(JdbcAuditLog log) {
        long size = log.checkpoints().get(log.checkpoints().size() - 1).checkpoint().treeSize();
        SplittableRandom random = new SplittableRandom(7);
        int rounds = 2_000;
        for (int i = 0; i < 200; i++) {
            log.inclusionProof(random.nextLong(size), size);
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            log.inclusionProof(random.nextLong(size), size);
        }
        double proofMillis = seconds(started) * 1000 / rounds;
        started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            log.entry(random.nextLong(size));
        }
        double readMillis = seconds(started) * 1000 / rounds;
        print("inclusion proof in a tree of %,d: %.3f ms (target <= 5 ms: %s)   baseline (read one entry): %.3f ms"
                + "   ratio %.2fx%n", size, proofMillis, proofMillis <= 5 ? "met" : "MISSED", readMillis,
                proofMillis / readMillis);
    }

    private static void concurrently(int callers, int total, IndexedTask task) throws Exception {
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                running.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @FunctionalInterface
    private interface IndexedTask {
        void run(long index) throws Exception;
    }

    /** An event the size of a real pipeline step's. */
    private static AuditEvent event(String key) {
        String exchange = UUID.nameUUIDFromBytes(key.getBytes()).toString();
        return new AuditEvent(key + "/" + UUID.randomUUID(), Instant.now(), exchange, "PS-IR-2026-G-004711", null,
                List.of("SID:SID-2026-0187734"), "DELIVERED", "DISCLOSURE", "SUCCESS", null,
                null, "gateway/outbound", "police-scotland", List.of("europol"), "UK_GSC OFFICIAL-SENSITIVE",
                "UK_3X5X2 P", "Data Protection Act 2018, Part 3, s.73", "Prevention and detection of crime",
                "9b281001ef65c3e037416c3066f208d116ce7583ea14333ea18c8b1e5ddaa16a");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
    }
}
