package uk.xborder.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit events of one unit of work that commits in one go: a message the gateway takes from its own broker in a
 * local JMS transaction. Inside a batch, {@link AuditTrail#record} queues an event and returns at once; the batch
 * waits for all of them to be durable before the transaction commits, and before anything leaves the gateway by a
 * way that transaction does not cover (an HTTPS post, a partner's broker). One commit of the audit store for the
 * whole message instead of one per step, and the events are still in the log, in the order they were recorded,
 * before any effect of the message can be seen outside.
 *
 * <p>If the store fails, the batch's wait throws and the transaction rolls back: the message is taken again and its
 * steps recorded again (idempotent by event key), as when a single record failed. Outside a batch (the REST API,
 * timers, a partner's broker) every record waits for its own commit, as it always has.
 *
 * <p>A batch belongs to the thread that opened it; the routes of one message run on that thread.
 */
public final class AuditBatch {

    private static final ThreadLocal<AuditBatch> CURRENT = new ThreadLocal<>();

    /** The waits for the writes of the events recorded so far, each throwing if its write failed. */
    private final List<Runnable> pending = new ArrayList<>();
    /** The first write that failed: once one has, nothing of the unit of work may commit. */
    private RuntimeException failure;

    private AuditBatch() {
    }

    /** Opens a batch on this thread; {@link #close()} it in a finally block. */
    public static AuditBatch open() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("an audit batch is already open on this thread");
        }
        AuditBatch batch = new AuditBatch();
        CURRENT.set(batch);
        return batch;
    }

    /**
     * Hands the wait for an event's write to the open batch, or, with none open, waits here.
     *
     * @param awaitWritten returns when the event is durable, or throws if it may not be
     */
    public static void deferOrAwait(Runnable awaitWritten) {
        AuditBatch batch = CURRENT.get();
        if (batch == null) {
            awaitWritten.run();
        } else {
            batch.pending.add(awaitWritten);
        }
    }

    /**
     * Returns when every event recorded so far in this thread's batch is durable, or throws the first failure; does
     * nothing without a batch or with nothing pending.
     */
    public static void awaitRecorded() {
        AuditBatch batch = CURRENT.get();
        if (batch == null) {
            return;
        }
        if (batch.failure != null) {
            throw batch.failure;
        }
        try {
            for (Runnable awaitWritten : batch.pending) {
                awaitWritten.run();
            }
        } catch (RuntimeException notRecorded) {
            // Whatever the route does with the failure (an error handler may handle it), the unit of work must not
            // commit: every later wait in this batch fails the same way.
            batch.failure = notRecorded;
            throw notRecorded;
        } finally {
            batch.pending.clear();
        }
    }

    /** Whether this thread has a batch open. */
    public static boolean isOpen() {
        return CURRENT.get() != null;
    }

    /** Ends the batch. Writes still pending go on (their events are recorded), but nobody waits for them. */
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }
}
