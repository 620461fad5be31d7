package uk.xborder.gateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * A store's held-back writes ({@link AuditBatch.DeferredWrites}) on a SQL database, which can be committed in the
 * same transaction as the message's audit events when the audit log is on that database: one commit for the
 * message instead of one per store. A commit of the embedded database rewrites every page the transaction changed
 * and writes a new chunk of the file, so each transaction saved is a chunk not written.
 *
 * <p>Written alone (by {@link #flush}, or when the shared transaction could not take it), it is written exactly as
 * the store would write it without a batch.
 */
public interface SharedTransactionWrites extends AuditBatch.DeferredWrites {

    /** The database the writes go to: they share a transaction only with writes to the same one. */
    DataSource database();

    /** What is held, taken out as one piece of work (nothing is held after); empty when nothing is held. */
    Optional<Work> take();

    @Override
    default void flush() {
        take().ifPresent(Work::writeAlone);
    }

    /** One store's held writes of one message, taken out of the batch: a snapshot, safe on another thread. */
    interface Work {

        /**
         * Writes it in {@code transaction}, which the caller commits. Throws if it cannot: the caller then rolls
         * back to before it and has it written alone.
         */
        void writeIn(Connection transaction) throws SQLException;

        /** Writes it in a transaction of its own, with the store's own handling of conflicts; throws if it may not. */
        void writeAlone();
    }

    /** Held writes that can carry other stores' {@link Work} in their own commit: the audit log's events. */
    interface Carrier extends AuditBatch.DeferredWrites {

        /** Whether {@code writes} go to the carrier's database. */
        boolean carries(SharedTransactionWrites writes);

        /**
         * Writes what the carrier holds with {@code riders} in one transaction, and returns when all of it is
         * durable; a rider the transaction could not take is written alone before this returns. Throws if any of it
         * may not be written.
         */
        void flushWith(List<Work> riders);
    }
}
