package uk.xborder.gateway.exchange.operator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk replays, run one exchange after another off the caller's thread, so that the operator is answered at once
 * with a job whose progress and per-exchange results can be read while it runs. One job at a time per node, in the
 * order asked; the last {@value #KEPT} jobs are kept in this node's memory (a restart forgets them; each exchange's
 * own trail keeps what was done).
 */
public final class BulkReplays implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkReplays.class);
    static final int KEPT = 100;

    private final ExchangeOperator operator;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "bulk-replays");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ReplayJob> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReplayJob> eldest) {
            return size() > KEPT;
        }
    };

    public BulkReplays(ExchangeOperator operator, Clock clock) {
        this.operator = operator;
        this.clock = clock;
    }

    /** Starts replaying the selection; the job is readable at once. */
    public ReplayJob start(Selection selection, OperatorAction action) {
        ReplayJob job = new ReplayJob("replay-" + UUID.randomUUID(), action, clock.instant(), selection.size());
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
        runner.execute(() -> {
            LOG.info("Bulk replay {} by {} of {} exchanges started", job.id(), action.actor(), selection.size());
            for (String reference : selection.references()) {
                try {
                    job.add(operator.replay(reference, action));
                } catch (RuntimeException e) {
                    LOG.error("Bulk replay {}: exchange {} could not be replayed", job.id(), reference, e);
                    job.add(new OperatorResult(reference, Outcome.NOT_SENT, null, "It could not be replayed ("
                            + e.getClass().getSimpleName() + "); see the gateway's log under " + job.id() + "."));
                }
            }
            job.finish(clock.instant());
            LOG.info("Bulk replay {} finished: {}", job.id(), job.progress().outcomes());
        });
        return job;
    }

    public Optional<ReplayJob> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    @Override
    public void close() throws InterruptedException {
        runner.shutdown();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }
}
