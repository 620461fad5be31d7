package uk.xborder.gateway.audit.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.SharedTransactionWrites;

/**
 * Group commit: many callers, one writer thread, one transaction per batch. A caller's {@link #record} queues its
 * event and blocks until the batch holding it has committed, or throws if that batch failed: success is never
 * reported for an event that is not durably written. While one batch commits, the events that arrive meanwhile
 * queue up and go together in the next, so the cost of a commit (a disk flush) is shared by everyone waiting for it.
 * A group of events may bring other stores' writes on the same database with it ({@link SharedTransactionWrites}):
 * they go in the same transaction, after the events.
 */
final class GroupCommit implements AutoCloseable {

    /**
     * Writes and commits one batch, or throws; the events are in arrival order, the riders after them. Returns the
     * riders the transaction could not take (rolled back to before each, the rest committed): their callers write
     * them alone.
     */
    @FunctionalInterface
    interface BatchWriter {
        Set<SharedTransactionWrites.Work> write(List<AuditEvent> events, List<SharedTransactionWrites.Work> riders)
                throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** The stop marker, told apart by identity. */
    private static final Group STOP = new Group(List.of(), List.of());

    private final BatchWriter writer;
    private final int batchSize;
    private final long maxWaitNanos;
    /** Which failures may be the fault of a single event: the batch is then retried one caller's group at a time. */
    private final Predicate<Exception> singleEventFault;
    /** Groups of events, each queued whole: one caller's events are never split between two batches. */
    private final BlockingQueue<Group> queue;
    private final Thread thread;
    /** Read side: callers queueing; write side: close. No event can be queued after the stop marker. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;

    GroupCommit(BatchWriter writer, int batchSize, Duration maxWait, Predicate<Exception> singleEventFault) {
        this.writer = writer;
        this.batchSize = batchSize;
        this.maxWaitNanos = maxWait.toNanos();
        this.singleEventFault = singleEventFault;
        // Bounded: if the database falls behind, callers wait here instead of filling the heap.
        this.queue = new ArrayBlockingQueue<>(Math.max(1024, batchSize * 4));
        this.thread = new Thread(this::run, "audit-writer");
        // A forgotten close must not keep the JVM alive; nothing unwritten is ever reported as recorded.
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Returns when {@code event} is committed; throws {@link AuditStoreException} if it may not be. */
    void record(AuditEvent event) {
        submit(List.of(event)).run();
    }

    /**
     * Queues {@code events}, in this order and together (the writer takes them into one batch, beside whatever else
     * is queued), and returns at once with the wait for their commit: run it to return when they are committed, or to
     * throw {@link AuditStoreException} if they may not be.
     */
    Runnable submit(List<AuditEvent> events) {
        return submit(events, List.of());
    }

    /**
     * As {@link #submit(List)}, with other stores' writes to go in the same transaction after the events. A rider
     * the transaction cannot take is written alone by the wait, before it returns.
     */
    Runnable submit(List<AuditEvent> events, List<SharedTransactionWrites.Work> riders) {
        if (events.isEmpty()) {
            return () -> riders.forEach(SharedTransactionWrites.Work::writeAlone);
        }
        Group group = new Group(events.stream().map(Pending::new).toList(), riders);
        gate.readLock().lock();
        try {
            if (closed) {
                throw new AuditStoreException("the audit log is closed: the event was not recorded");
            }
            queue.put(group);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditStoreException("interrupted before the event was queued: it was not recorded", e);
        } finally {
            gate.readLock().unlock();
        }
        return group::await;
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<Group> batch = new ArrayList<>();
            try {
                Group first = queue.take();
                if (first == STOP) {
                    break;
                }
                batch.add(first);
                stopping = fill(batch);
            } catch (InterruptedException e) {
                // Only close() interrupts, and only after its grace period: fail what we hold and stop.
                fail(batch, new AuditStoreException("the audit log was closed before the event was written"));
                break;
            }
            process(batch);
        }
        // Anything still queued (only after an interrupted close) is failed, never left waiting.
        List<Group> left = new ArrayList<>();
        queue.drainTo(left);
        left.removeIf(group -> group == STOP);
        left.forEach(group -> group.failed(new AuditStoreException("the audit log was closed before the event was "
                + "written")));
    }

    /**
     * Adds whole groups of what is queued to the batch while it has room (waiting up to the max wait for more);
     * true if the stop marker was met.
     */
    private boolean fill(List<Group> batch) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        int events = batch.get(0).events().size();
        while (events < batchSize) {
            Group next = queue.poll();
            if (next == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                next = queue.poll(remaining, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return false;
                }
            }
            if (next == STOP) {
                return true;
            }
            batch.add(next);
            events += next.events().size();
        }
        return false;
    }

    private void process(List<Group> batch) {
        List<AuditEvent> events = batch.stream().flatMap(group -> group.events().stream()).map(Pending::event)
                .toList();
        List<SharedTransactionWrites.Work> riders = batch.stream().flatMap(group -> group.riders().stream())
                .toList();
        try {
            Set<SharedTransactionWrites.Work> notTaken = writer.write(events, riders);
            batch.forEach(group -> group.done(notTaken));
        } catch (Exception e) {
            if (batch.size() > 1 && singleEventFault.test(e)) {
                // Keep one caller's bad event from failing the others: each group gets its own transaction.
                LOG.debug("audit batch of {} events failed on its data; retrying one caller's group at a time",
                        events.size());
                batch.forEach(group -> process(List.of(group)));
                return;
            }
            fail(batch, e);
        } catch (Error e) {
            // If this thread died, every later caller would wait for ever: fail the batch and carry on.
            LOG.error("audit writer hit {} while writing a batch of {} events", e.getClass().getName(), events.size());
            fail(batch, e);
        }
    }

    private static void fail(List<Group> batch, Throwable cause) {
        batch.forEach(group -> group.failed(cause));
    }


    /** Stops taking events, writes every event already queued, and stops the writer. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (thread.isAlive()) {
                queue.put(STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.writeLock().unlock();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5).toMillis());
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One caller's events, queued together, with the other stores' writes that go in their transaction, and what the
     * caller waits for: the events committed, and the riders committed too or left to the caller to write alone.
     */
    private record Group(List<Pending> events, List<SharedTransactionWrites.Work> riders,
                         CompletableFuture<List<SharedTransactionWrites.Work>> notTaken) {

        Group(List<Pending> events, List<SharedTransactionWrites.Work> riders) {
            this(events, riders, new CompletableFuture<>());
        }

        void done(Set<SharedTransactionWrites.Work> notTakenInBatch) {
            events.forEach(Pending::done);
            notTaken.complete(riders.stream().filter(notTakenInBatch::contains).toList());
        }

        void failed(Throwable cause) {
            events.forEach(pending -> pending.failed(cause));
            notTaken.complete(List.of());
        }

        /** Returns when the events are committed and every rider is written, in the batch or alone; else throws. */
        void await() {
            events.forEach(Pending::await);
            // The events are committed, so the group was done: what the batch could not take is written here.
            notTaken.join().forEach(SharedTransactionWrites.Work::writeAlone);
        }
    }

    /** One caller's event and the outcome it waits for. */
    private record Pending(AuditEvent event, CompletableFuture<Void> outcome) {

        Pending(AuditEvent event) {
            this(event, new CompletableFuture<>());
        }

        void done() {
            outcome.complete(null);
        }

        void failed(Throwable cause) {
            outcome.completeExceptionally(cause);
        }

        void await() {
            try {
                outcome.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof AuditStoreException store) {
                    throw new AuditStoreException(store.getMessage(), store);
                }
                throw new AuditStoreException("the audit batch holding the event was not committed", cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // The batch may still commit; recording the same event again is safe (idempotent by event key).
                throw new AuditStoreException("interrupted while the event was being written: it may or may not "
                        + "be recorded, and may safely be recorded again", e);
            }
        }
    }
}
