package uk.xborder.gateway.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.exchange.Failures;

/**
 * The failed exchanges and the retry backlog as last counted, for the metrics and the health report, which would
 * otherwise each query the database on every scrape and every health probe. Counted again when asked for and the
 * last count is older than {@link #REFRESH} (measured on the JVM's monotonic timer, not the gateway's clock: this is
 * about how often the database is asked, not about the age of a failure). If the database cannot be read, the last
 * counts stay and are reported as such ({@link Snapshot#stale()}).
 */
public final class FailureSnapshots {

    static final long REFRESH = TimeUnit.SECONDS.toNanos(5);
    private static final Logger LOG = LoggerFactory.getLogger(FailureSnapshots.class);

    /**
     * @param failures     the FAILED exchanges per partner and the dead letters waiting
     * @param retryBacklog per partner, the deliveries waiting on its retry queue
     * @param stale        true when the latest attempt to count failed and these are older counts
     */
    public record Snapshot(Failures failures, Map<String, Long> retryBacklog, boolean stale) {
    }

    private final Supplier<Failures> failures;
    private final Supplier<Map<String, Long>> retryBacklog;
    private final LongSupplier nanoTime;
    private Snapshot last;
    private long lastRead;

    public FailureSnapshots(Supplier<Failures> failures, Supplier<Map<String, Long>> retryBacklog) {
        this(failures, retryBacklog, System::nanoTime);
    }

    FailureSnapshots(Supplier<Failures> failures, Supplier<Map<String, Long>> retryBacklog, LongSupplier nanoTime) {
        this.failures = failures;
        this.retryBacklog = retryBacklog;
        this.nanoTime = nanoTime;
    }

    /** The latest counts; null until the database could be read once. */
    public synchronized Snapshot current() {
        long now = nanoTime.getAsLong();
        if (last == null || last.stale() || now - lastRead >= REFRESH) {
            try {
                last = new Snapshot(failures.get(), Map.copyOf(retryBacklog.get()), false);
                lastRead = now;
            } catch (RuntimeException e) {
                LOG.warn("Failed exchanges could not be counted; health and metrics show the last counts read", e);
                if (last != null) {
                    last = new Snapshot(last.failures(), last.retryBacklog(), true);
                }
            }
        }
        return last;
    }

    /** Counts again at the next request (e.g. after an operator replayed or discarded exchanges on this node). */
    public synchronized void invalidate() {
        if (last != null) {
            lastRead = nanoTime.getAsLong() - REFRESH;
        }
    }
}
