package uk.xborder.gateway.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditPki;
import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;

/**
 * A rough measure of append throughput, not part of the normal run:
 * {@code mvn -o test -Dtest=AuditStoreThroughputTest -Dgateway.audit.benchmark=true}; results go to the test output.
 * Each caller records its events one at a time and waits for each to be durable, as a pipeline step does.
 */
@EnabledIfSystemProperty(named = "gateway.audit.benchmark", matches = "true")
class AuditStoreThroughputTest {

    private static final int[] CALLERS = {1, 16, 64};
    private static final Duration[] WAITS = {Duration.ZERO};

    @TempDir
    Path dataDir;

    @Test
    void h2() throws Exception {
        int run = 0;
        for (Duration wait : WAITS) {
            for (int callers : CALLERS) {
                AuditStoreSettings settings = AuditStoreSettings.embedded(dataDir.resolve("run" + run++));
                measure("H2 file", settings.withBatches(256, wait), callers);
            }
        }
    }

    @Test
    void postgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start()) {
            PostgresSchemas schemas = new PostgresSchemas(postgres.getJdbcUrl("postgres", "postgres"), "", "");
            for (Duration wait : WAITS) {
                for (int callers : CALLERS) {
                    measure("PostgreSQL 14", schemas.fresh().withBatches(256, wait), callers);
                }
            }
        }
    }

    private static void measure(String database, AuditStoreSettings settings, int callers) throws Exception {
        int perCaller = Math.max(100, 4000 / callers);
        CheckpointSigner signer = CheckpointSigner.create(AuditPki.identity("audit"), Clock.systemUTC());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (JdbcAuditLog log = AuditStoreFactory.open(settings.withCheckpoints(1000, Duration.ofSeconds(60)),
                signer, registry)) {
            // warm-up
            for (int i = 0; i < 200; i++) {
                log.record(Events.event("warm-" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perCaller; i++) {
                        log.record(Events.event("b" + caller + "-" + i));
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            int total = callers * perCaller;
            assertThat(log.size()).isEqualTo(200 + total);
            System.out.printf(Locale.ROOT, "%-14s max wait %2d ms, %3d callers: %6d events in %5.2f s = %7.0f events/s"
                            + " (mean batch %5.1f events, mean commit %5.2f ms)%n",
                    database, settings.batchMaxWait().toMillis(), callers, total, seconds, total / seconds,
                    registry.get(AuditStoreMetrics.BATCH_SIZE).summary().mean(),
                    registry.get(AuditStoreMetrics.BATCH_COMMIT).timer().mean(TimeUnit.MILLISECONDS));
        }
    }
}
