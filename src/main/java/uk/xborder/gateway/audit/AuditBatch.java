package uk.xborder.gateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit events of one unit of work that commits in one go: a message the gateway takes from its own broker in a
 * local JMS transaction. Inside a batch, {@link AuditTrail#record} queues an event and returns at once; the batch
 * waits for all of them to be durable before the transaction commits, and before anything leaves the gateway by a
 * way that transaction does not cover (an HTTPS post, a partner's broker). One commit of the audit store for the
 * whole message instead of one per step, and the events are still in the log, in the order they were recorded,
 * before any effect of the message can be seen outside.
 *
 * <p>The message's records in other stores of the same database (the exchange store) may be held back the same way
 * ({@link DeferredWrites}) and written in one transaction each, first, at the same points.
 *
 * <p>If the store fails, the batch's wait throws and the transaction rolls back: the message is taken again and its
 * steps recorded again (idempotent by event key), as when a single record failed. Outside a batch (the REST API,
 * timers, a partner's broker) every record waits for its own commit, as it always has.
 *
 * <p>A batch belongs to the thread that opened it; the routes of one message run on that thread.
 */
public final class AuditBatch {

    private static final Logger LOG = LoggerFactory.getLogger(AuditBatch.class);
    private static final ThreadLocal<AuditBatch> CURRENT = new ThreadLocal<>();

    /** What the message's other stores hold back till the end (each written in one transaction), by store. */
    private final Map<Object, DeferredWrites> writes = new LinkedHashMap<>();
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
     * Writes a store holds back while a batch is open: the message's records in that store, written together when the
     * batch's events are awaited (before the commit, before anything leaves), or when the store must read them.
     */
    public interface DeferredWrites {

        /** Writes what is held back, in the order it was recorded; throws if it may not be written. */
        void flush();
    }

    /**
     * The open batch's held-back writes of {@code store}, made with {@code create} on first use; empty without a batch
     * (the store then writes at once).
     */
    @SuppressWarnings("unchecked")
    public static <T extends DeferredWrites> Optional<T> writesOf(Object store, Supplier<T> create) {
        AuditBatch batch = CURRENT.get();
        if (batch == null) {
            return Optional.empty();
        }
        return Optional.of((T) batch.writes.computeIfAbsent(store, key -> create.get()));
    }

    /** Writes what {@code store} holds back in this thread's batch, if any; for a store about to read its own rows. */
    public static void flush(Object store) {
        AuditBatch batch = CURRENT.get();
        if (batch == null) {
            return;
        }
        DeferredWrites held = batch.writes.get(store);
        if (held != null) {
            batch.guard(held::flush);
        }
    }

    /**
     * Writes what the stores hold back, then returns when every event recorded so far in this thread's batch is
     * durable, or throws the first failure; does nothing without a batch or with nothing pending.
     */
    public static void awaitRecorded() {
        AuditBatch batch = CURRENT.get();
        if (batch == null) {
            return;
        }
        batch.guard(() -> batch.writes.values().forEach(DeferredWrites::flush));
        batch.guard(batch::awaitPending);
    }

    /** Runs {@code step} unless the batch has failed already; a failure fails every later step of the batch. */
    private void guard(Runnable step) {
        if (failure != null) {
            throw failure;
        }
        try {
            step.run();
        } catch (RuntimeException notWritten) {
            // Whatever the route does with the failure (an error handler may handle it), the unit of work must not
            // commit: every later wait in this batch fails the same way.
            failure = notWritten;
            throw notWritten;
        }
    }

    private void awaitPending() {
        try {
            for (Runnable awaitWritten : pending) {
                awaitWritten.run();
            }
        } finally {
            pending.clear();
        }
    }

    /** Whether this thread has a batch open. */
    public static boolean isOpen() {
        return CURRENT.get() != null;
    }

    /**
     * Ends the batch. Audit writes still pending go on (their events are recorded), but nobody waits for them; what
     * the stores still hold back (a unit of work that ended without its commit: rolled back, on purpose or not) is
     * written now, as it would have been without the batch, unless a write of the batch has failed already.
     */
    public void close() {
        try {
            if (failure == null) {
                writes.values().forEach(DeferredWrites::flush);
            }
        } catch (RuntimeException notWritten) {
            // The unit of work did not commit: its message is taken again and recorded again.
            LOG.warn("records held back for a unit of work that did not commit could not be written: {}",
                    notWritten.getMessage());
        } finally {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }
}
