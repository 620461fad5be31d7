package uk.xborder.gateway.audit.store;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The store's meters. Gauges read only what this node holds in memory (never the database), so scraping is cheap
 * and works while the database is down. Meters are removed on close, so a store reopened on the same registry
 * registers fresh ones instead of finding the old store's.
 */
final class AuditStoreMetrics implements AutoCloseable {

    static final String APPENDED = "gateway.audit.entries.appended";
    static final String LAG_ENTRIES = "gateway.audit.checkpoint.lag.entries";
    static final String LAG_SECONDS = "gateway.audit.checkpoint.lag.seconds";
    static final String BATCH_COMMIT = "gateway.audit.batch.commit";
    static final String BATCH_SIZE = "gateway.audit.batch.size";
    static final String BATCH_FAILURES = "gateway.audit.batch.failures";

    private final MeterRegistry registry;
    private final Counter appended;
    private final Counter failures;
    private final Timer commit;
    private final DistributionSummary batchSize;
    private final List<Meter> meters;

    AuditStoreMetrics(MeterRegistry registry, LongSupplier treeSize, CheckpointLag lag, Clock clock) {
        this.registry = registry;
        this.appended = Counter.builder(APPENDED)
                .description("Entries appended to the audit log by this node (duplicates not counted)")
                .register(registry);
        this.failures = Counter.builder(BATCH_FAILURES)
                .description("Audit batches that failed to commit (their callers were told)")
                .register(registry);
        this.commit = Timer.builder(BATCH_COMMIT)
                .description("Time to write and commit one audit batch")
                .register(registry);
        this.batchSize = DistributionSummary.builder(BATCH_SIZE)
                .description("Events per committed audit batch")
                .register(registry);
        Gauge lagEntries = Gauge.builder(LAG_ENTRIES, () -> lag.entries(treeSize.getAsLong()))
                .description("Entries not yet covered by a signed checkpoint")
                .register(registry);
        Gauge lagSeconds = Gauge.builder(LAG_SECONDS, () -> lag.seconds(clock.instant()))
                .description("Seconds the oldest entry not covered by a signed checkpoint has waited")
                .baseUnit("seconds")
                .register(registry);
        this.meters = List.of(appended, failures, commit, batchSize, lagEntries, lagSeconds);
    }

    void committed(int events, int appendedEntries, long nanos) {
        appended.increment(appendedEntries);
        batchSize.record(events);
        commit.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed() {
        failures.increment();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
