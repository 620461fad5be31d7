package uk.xborder.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import uk.xborder.gateway.exchange.Failures;

/**
 * The gauges of what waits for operators, for all nodes sharing the database (Prometheus names in brackets):
 * <ul>
 *   <li>{@value #FAILED} ({@code gateway_exchanges_failed{partner="europol"}}): FAILED exchanges with the partner,
 *       not yet replayed, delivered or discarded;</li>
 *   <li>{@value #OLDEST} ({@code gateway_exchanges_failed_oldest_seconds{partner}}): how long the oldest of them has
 *       been failed, 0 when there is none;</li>
 *   <li>{@value #RETRY_BACKLOG} ({@code gateway_delivery_retry_backlog{partner}}): deliveries waiting on the
 *       partner's retry queue for their next attempt (the delivery ledger's RETRYING rows);</li>
 *   <li>{@value #DEAD_LETTERS} ({@code gateway_deadletters_waiting}): dead letters taken from gw.dlq and still
 *       FAILED.</li>
 * </ul>
 * One gauge per partner of the directory. Read from {@link FailureSnapshots}, so a scrape costs at most two
 * aggregate queries every few seconds; NaN until the database could be read once. Meters are removed on close.
 */
public final class FailureMetrics implements AutoCloseable {

    public static final String FAILED = "gateway.exchanges.failed";
    public static final String OLDEST = "gateway.exchanges.failed.oldest.seconds";
    public static final String RETRY_BACKLOG = "gateway.delivery.retry.backlog";
    public static final String DEAD_LETTERS = "gateway.deadletters.waiting";

    private final FailureSnapshots snapshots;
    private final Clock clock;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public FailureMetrics(FailureSnapshots snapshots, List<String> partners, Clock clock, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.registry = registry;
        for (String partner : partners) {
            meters.add(gauge(FAILED, "Exchanges with the partner the gateway failed, not yet replayed, delivered or "
                    + "discarded", partner, null, s -> failures(s, partner).count()));
            meters.add(gauge(OLDEST, "How long the partner's oldest failed exchange has waited for an operator",
                    partner, "seconds", s -> {
                        Failures.Partner failed = failures(s, partner);
                        return failed.count() == 0 ? 0 : Math.max(0, Duration.between(failed.oldestFailedSince(),
                                clock.instant()).toSeconds());
                    }));
            meters.add(gauge(RETRY_BACKLOG, "Deliveries to the partner waiting on its retry queue for their next "
                    + "attempt", partner, null, s -> s.retryBacklog().getOrDefault(partner, 0L)));
        }
        meters.add(Gauge.builder(DEAD_LETTERS, this, metrics -> metrics.value(s -> s.failures().deadLettersWaiting()))
                .description("Dead letters taken from gw.dlq into the exchange store and still FAILED")
                .register(registry));
    }

    private static Failures.Partner failures(FailureSnapshots.Snapshot snapshot, String partner) {
        return snapshot.failures().byPartner().getOrDefault(partner, new Failures.Partner(0, null));
    }

    private Gauge gauge(String name, String description, String partner, String unit,
                        ToDoubleFunction<FailureSnapshots.Snapshot> value) {
        Gauge.Builder<FailureMetrics> builder = Gauge.builder(name, this, metrics -> metrics.value(value))
                .description(description)
                .tag("partner", partner);
        if (unit != null) {
            builder.baseUnit(unit);
        }
        return builder.register(registry);
    }

    private double value(ToDoubleFunction<FailureSnapshots.Snapshot> value) {
        FailureSnapshots.Snapshot snapshot = snapshots.current();
        return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
