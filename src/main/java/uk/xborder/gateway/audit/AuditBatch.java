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
 * The records of one unit of work that commits in one go: a message the gateway takes from its own broker in a local
 * JMS transaction. Inside a batch, {@link AuditTrail#record} holds the event and returns at once, and so do the other
 * stores that record for the message (the exchange store, the receipts awaited: {@link DeferredWrites}); the batch
 * writes all of it and waits until it is durable before the transaction commits, and before anything leaves the
 * gateway by a way that transaction does not cover (an HTTPS post, a partner's broker). The message's audit events go
 * to the log together, in the order they were recorded, in one commit of the audit store instead of one per step;
 * the other stores' held writes on the audit log's database ({@link SharedTransactionWrites}) go in the same commit.
 *
 * <p>If a write fails, the batch's wait throws, every later wait of the batch throws too, and the transaction rolls
 * back: the message is taken again and its steps recorded again (idempotent by event key), as when a single record
 * failed. Outside a batch (the REST API, timers, a partner's broker) every record waits for its own commit, as it
 * always has.
 *
 * <p>A batch belongs to the thread that opened it; the routes of one message run on that thread.
 */
public final class AuditBatch {

    private static final Logger LOG = LoggerFactory.getLogger(AuditBatch.class);
    private static final ThreadLocal<AuditBatch> CURRENT = new ThreadLocal<>();

    /** What the stores hold back of the message (each written in one go), by store, in the order first used. */
    private final Map<Object, DeferredWrites> writes = new LinkedHashMap<>();
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
     * Writes what the stores hold back (the audit log's events among it) and returns when all of it is durable, or
     * throws the first failure; does nothing without a batch or with nothing held.
     */
    public static void awaitRecorded() {
        AuditBatch batch = CURRENT.get();
        if (batch == null) {
            return;
        }
        batch.guard(batch::writeAll);
    }

    /**
     * Writes everything held: the writes that can share the audit log's transaction ({@link SharedTransactionWrites}
     * on its database) in the same commit as its events, the others each in its own.
     */
    private void writeAll() {
        List<DeferredWrites> left = new ArrayList<>(writes.values());
        Optional<SharedTransactionWrites.Carrier> carrier = left.stream()
                .filter(SharedTransactionWrites.Carrier.class::isInstance)
                .map(SharedTransactionWrites.Carrier.class::cast).findFirst();
        if (carrier.isPresent()) {
            List<SharedTransactionWrites> riders = left.stream().filter(SharedTransactionWrites.class::isInstance)
                    .map(SharedTransactionWrites.class::cast).filter(carrier.get()::carries).toList();
            carrier.get().flushWith(riders.stream().map(SharedTransactionWrites::take).flatMap(Optional::stream)
                    .toList());
            left.remove(carrier.get());
            left.removeAll(riders);
        }
        left.forEach(DeferredWrites::flush);
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

    /** Whether this thread has a batch open. */
    public static boolean isOpen() {
        return CURRENT.get() != null;
    }

    /**
     * Ends the batch. What the stores still hold back (a unit of work that ended without its commit: rolled back, on
     * purpose or not) is written now, as it would have been without the batch, unless a write of the batch has
     * failed already.
     */
    public void close() {
        try {
            if (failure == null) {
                writeAll();
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
