package uk.xborder.gateway.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges {@value #OPEN} and {@value #OVERDUE} (Prometheus {@code gateway_requests_open{direction="inbound"}}
 * and so on), per direction, for all nodes sharing the database.
 *
 * <p>The counts live in the database, and a scrape must stay cheap and must not fail when the database does: the
 * gauges show the last counts read, read again when this node opened or closed a request, and otherwise at most
 * every {@link #MAX_AGE} (a request becomes overdue by the passing of time alone, and other nodes change the counts
 * too). Until the first successful read they show NaN. Meters are removed on close.
 */
public final class RequestMetrics implements AutoCloseable {

    public static final String OPEN = "gateway.requests.open";
    public static final String OVERDUE = "gateway.requests.overdue";
    static final Duration MAX_AGE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(RequestMetrics.class);

    private final OpenRequests requests;
    private final Clock clock;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private OpenRequests.Counts last;
    private boolean stale = true;

    public RequestMetrics(OpenRequests requests, Clock clock, MeterRegistry registry) {
        this.requests = requests;
        this.clock = clock;
        this.registry = registry;
        for (Direction direction : Direction.values()) {
            meters.add(gauge(OPEN, "Requests for information not yet answered", direction,
                    counts -> counts.open(direction)));
            meters.add(gauge(OVERDUE, "Requests for information not answered by their due time "
                    + "(Directive (EU) 2023/977 Art. 5)", direction, counts -> counts.overdue(direction)));
        }
    }

    /** The counts changed: the next scrape reads them again. */
    public synchronized void changed() {
        stale = true;
    }

    private Gauge gauge(String name, String description, Direction direction,
                        ToLongFunction<OpenRequests.Counts> value) {
        return Gauge.builder(name, this, metrics -> metrics.value(value))
                .description(description)
                .tag("direction", direction.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private synchronized double value(ToLongFunction<OpenRequests.Counts> value) {
        Instant now = clock.instant();
        if (stale || last == null || now.isBefore(last.at()) || !now.isBefore(last.at().plus(MAX_AGE))) {
            try {
                last = requests.counts();
                stale = false;
            } catch (RuntimeException e) {
                LOG.warn("Open requests could not be counted; the gauges show the last counts read", e);
            }
        }
        return last == null ? Double.NaN : value.applyAsLong(last);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
