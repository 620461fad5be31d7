package uk.xborder.gateway.audit.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.checkpoint.CheckpointSigner;
import uk.xborder.gateway.audit.checkpoint.SignedCheckpoint;

/**
 * Signs and stores a checkpoint every N entries or every T, whichever comes first, if the tree grew since the latest
 * stored checkpoint (signed by this node or another). Signing runs on its own thread, never on the writer's, so it
 * never delays an append.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final LiveTree tree;
    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final long everyEntries;
    private final Duration interval;
    private final CheckpointLag lag = new CheckpointLag();
    private final ScheduledExecutorService scheduler;
    /** One count-triggered checkpoint queued at a time, however many batches commit meanwhile. */
    private final AtomicBoolean countTriggerQueued = new AtomicBoolean();
    /** One checkpoint at a time on this node. */
    private final ReentrantLock signing = new ReentrantLock();

    Checkpointer(LiveTree tree, CheckpointStore store, CheckpointSigner signer, Clock clock, long everyEntries,
                 Duration interval) {
        this.tree = tree;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.everyEntries = everyEntries;
        this.interval = interval;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpointer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /** Learns the latest stored checkpoint and starts the timer. */
    void start() throws SQLException {
        Optional<SignedCheckpoint> latest = store.latest();
        latest.ifPresent(signed -> lag.covered(signed.checkpoint(), tree.knownSize()));
        lag.appended(tree.knownSize(), clock.instant());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> quietly("timer"), millis, millis, TimeUnit.MILLISECONDS);
    }

    CheckpointLag lag() {
        return lag;
    }

    /** Called by the writer after each commit. */
    void appended(long treeSize) {
        lag.appended(treeSize, clock.instant());
        if (treeSize - lag.coveredSize() >= everyEntries && countTriggerQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    countTriggerQueued.set(false);
                    quietly("count");
                });
            } catch (RejectedExecutionException closing) {
                // Closing: the final checkpoint on close covers these entries.
                countTriggerQueued.set(false);
            }
        }
    }

    /** Signs a checkpoint of the current tree if it grew (or if there is none yet); returns the latest. */
    SignedCheckpoint checkpointNow() throws SQLException {
        return checkpoint(true).orElseThrow();
    }

    /** Signs a checkpoint of the current tree if it grew since the latest; returns the latest, if any. */
    Optional<SignedCheckpoint> checkpointIfGrown() throws SQLException {
        return checkpoint(false);
    }

    private void quietly(String trigger) {
        try {
            checkpoint(false);
        } catch (SQLException | RuntimeException e) {
            // The next trigger tries again; the lag gauges show that checkpoints are falling behind.
            LOG.warn("audit checkpoint ({} trigger) failed: {} {}", trigger, e.getClass().getSimpleName(),
                    e instanceof SQLException sql ? "SQLState " + sql.getSQLState() : "");
        }
    }

    private Optional<SignedCheckpoint> checkpoint(boolean evenIfEmpty) throws SQLException {
        signing.lock();
        try {
            long size = tree.catchUp();
            Optional<SignedCheckpoint> latest = store.latest();
            if (latest.isPresent() && latest.get().checkpoint().treeSize() >= size) {
                lag.covered(latest.get().checkpoint(), size);
                return latest;
            }
            if (latest.isEmpty() && size == 0 && !evenIfEmpty) {
                return Optional.empty();
            }
            // The signer stamps the time (to the microsecond, as the column keeps it) and its key id.
            SignedCheckpoint signed = signer.sign(size, tree.root(size));
            if (!store.insert(signed)) {
                // Another node stored a checkpoint of this very size first: theirs stands.
                signed = store.latest().orElseThrow();
            }
            lag.covered(signed.checkpoint(), tree.knownSize());
            LOG.debug("audit checkpoint signed at tree size {}", size);
            return Optional.of(signed);
        } finally {
            signing.unlock();
        }
    }

    /** Stops the timer; a checkpoint being signed is allowed to finish. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
